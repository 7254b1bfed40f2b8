// The accountability router still imports the label rule from here; it lives in server/nodes/.
export { labelForId } from '../nodes/node-label.ts';
