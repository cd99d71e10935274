export { default } from '@tessera/tooling/prettier';
