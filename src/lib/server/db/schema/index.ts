export * from './auth';
export * from './cycle';
export * from './units';
export * from './people';
export * from './assessment';
export * from './jury';
export * from './feedback';
export * from './audit';
