export { searchConferences } from './searchConferences';
export { searchParticipants } from './searchParticipants';
