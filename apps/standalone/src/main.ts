import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { STANDALONE_MODULES } from './standalone.modules';

void runMain({ service: 'standalone', modules: STANDALONE_MODULES, title: '吹哨报到 API' });
