export * from './enums';
export * from './reference';
export * from './users';
export * from './commitments';
export * from './updates';
export * from './comments';
export * from './audit';
export * from './auth';
