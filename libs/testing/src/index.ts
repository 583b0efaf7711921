export * from './kafka-broker';
export * from './test-infrastructure';
export * from './wait';
export * from './distributed';
