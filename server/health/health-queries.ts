/** One round trip: the server's version and edition, and the graph's size from the count store. */
export const HEALTH = `
CALL dbms.components() YIELD versions, edition
WITH versions[0] AS version, edition LIMIT 1
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN version, edition, nodes, relationships`;
