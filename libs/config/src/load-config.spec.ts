import { BaseEnv } from './base.env';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

describe('loadConfig(BaseEnv)', () => {
  it('applies defaults and converts numbers', () => {
    const c = loadConfig(BaseEnv, { PORT: '8080' });
    expect(c.PORT).toBe(8080);
    expect(c.DATABASE_POOL_SIZE).toBe(10);
    expect(c.KAFKA_BROKERS).toBeUndefined();
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('reads LOG_PRETTY=%s as %s', (raw, expected) => {
    expect(loadConfig(BaseEnv, { LOG_PRETTY: raw }).LOG_PRETTY).toBe(expected);
  });

  it('splits KAFKA_BROKERS and CORS_ORIGINS lists', () => {
    const c = loadConfig(BaseEnv, {
      KAFKA_BROKERS: 'a:9092, b:9093',
      CORS_ORIGINS: 'https://x.cn,http://localhost:5173',
    });
    expect(c.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(c.CORS_ORIGINS).toEqual(['https://x.cn', 'http://localhost:5173']);
  });

  it('names every variable at fault, once each', () => {
    try {
      loadConfig(BaseEnv, { PORT: '70000', JWT_SECRET: 'short', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([
        'PORT: PORT must be a whole number between 0 and 65535 (0: any free port)',
        'LOG_LEVEL: LOG_LEVEL must be one of the following values: fatal, error, warn, info, debug, trace, silent',
        'JWT_SECRET: JWT_SECRET must be at least 32 characters',
      ]);
    }
  });

  it('keeps 8 relay batches in flight with the local transport unless told otherwise, within 1 to 64', () => {
    expect(loadConfig(BaseEnv, {}).LOCAL_RELAY_BATCHES_IN_FLIGHT).toBe(8);
    expect(loadConfig(BaseEnv, { LOCAL_RELAY_BATCHES_IN_FLIGHT: '1' }).LOCAL_RELAY_BATCHES_IN_FLIGHT).toBe(1);
    for (const bad of ['0', '65', '2.5', 'many']) {
      expect(() => loadConfig(BaseEnv, { LOCAL_RELAY_BATCHES_IN_FLIGHT: bad })).toThrow(
        'LOCAL_RELAY_BATCHES_IN_FLIGHT must be a whole number from 1 to 64',
      );
    }
  });

  it('runs one lane per consumer group of the in-process transport unless told otherwise, within 1 to 64', () => {
    expect(loadConfig(BaseEnv, {}).LOCAL_TRANSPORT_LANES).toBe(1);
    expect(loadConfig(BaseEnv, { LOCAL_TRANSPORT_LANES: '4' }).LOCAL_TRANSPORT_LANES).toBe(4);
    for (const bad of ['0', '65', '1.5', 'few']) {
      expect(() => loadConfig(BaseEnv, { LOCAL_TRANSPORT_LANES: bad })).toThrow(
        'LOCAL_TRANSPORT_LANES must be a whole number from 1 to 64',
      );
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(BaseEnv, { DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
