import 'reflect-metadata';
import { runMain } from '@ticketing/platform';
import { MeetingModule } from './meeting.module';

void runMain({ service: 'meeting', modules: [MeetingModule] });
