export { callOptions } from './callOptions';
export { conferenceOptions } from './conferenceOptions';
export { machineDetectionOptions } from './machineDetectionOptions';
export { recordingOptions } from './recordingOptions';
