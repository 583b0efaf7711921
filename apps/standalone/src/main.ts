import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { standalone } from './standalone';

void runMain(standalone());
