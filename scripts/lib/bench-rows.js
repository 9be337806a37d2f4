// Bench datasets are written straight into the tables (millions of rows through the Document
// Service would take hours). `chunk` rows per INSERT: SQLite writes a multi-row insert as a compound
// SELECT limited to 500 terms, so its callers pass a smaller chunk than PostgreSQL's.

/** Inserts rows in chunks and answers their ids in order (PostgreSQL answers objects, SQLite numbers). */
async function insertChunked(knex, table, rows, chunk) {
  const ids = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const res = await knex(table)
      .insert(rows.slice(i, i + chunk))
      .returning('id');
    ids.push(...res.map((r) => (typeof r === 'object' ? r.id : r)));
  }
  return ids;
}

module.exports = { insertChunked };
