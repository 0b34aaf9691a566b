export { searchConferences } from './searchConferences';
export { searchParticipants } from './searchParticipants';
export { searchTexmlApplications } from './searchTexmlApplications';
