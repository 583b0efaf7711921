export * from './content-addressed-files';
export * from './file-signature';
