// Another module whose strategy takes an id already used: the loader must say which.
export { firstRep as again } from './first-rep.js';
