#include "service/store/Migrations.h"

namespace pw::service {

const QList<Migration>& migrations()
{
    static const QList<Migration> list{
        {1,
         {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE events ("
                         " id INTEGER PRIMARY KEY,"
                         " time TEXT NOT NULL,"
                         " level TEXT NOT NULL,"
                         " category TEXT NOT NULL,"
                         " message TEXT NOT NULL,"
                         " session TEXT,"
                         " fields TEXT)"),
          QStringLiteral("CREATE INDEX events_time ON events(time)")}},
        // The directory: who we receive mail for. Addresses and domain names are stored in
        // lower case, domains in their ASCII (A-label) form, so that equality is byte equality.
        {2,
         {QStringLiteral("CREATE TABLE domains ("
                         " id INTEGER PRIMARY KEY,"
                         " name TEXT NOT NULL UNIQUE,"
                         " catchall TEXT,"   // target address of the catch-all, NULL = none
                         " postmaster TEXT," // mailbox address for postmaster@ and abuse@, NULL = default
                         " created TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE mailboxes ("
                         " id INTEGER PRIMARY KEY,"
                         " address TEXT NOT NULL UNIQUE,"
                         " domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,"
                         " password_hash TEXT NOT NULL,"
                         " quota_bytes INTEGER NOT NULL DEFAULT 0," // 0 = unlimited
                         " used_bytes INTEGER NOT NULL DEFAULT 0,"
                         " quota_notice INTEGER NOT NULL DEFAULT 0," // highest notice sent: 0, 80 or 95
                         " disabled INTEGER NOT NULL DEFAULT 0,"
                         " created TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE aliases ("
                         " id INTEGER PRIMARY KEY,"
                         " address TEXT NOT NULL," // may hold '*' wildcards in the local part
                         " domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,"
                         " target TEXT NOT NULL,"
                         " UNIQUE (address, target))"),
          QStringLiteral("CREATE INDEX aliases_domain ON aliases(domain_id)"),
          QStringLiteral("CREATE TABLE folders ("
                         " id INTEGER PRIMARY KEY,"
                         " mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
                         " name TEXT NOT NULL,"
                         " special_use TEXT," // \\Sent, \\Drafts, \\Trash, \\Junk, \\Archive or NULL
                         " uidvalidity INTEGER NOT NULL,"
                         " uidnext INTEGER NOT NULL DEFAULT 1,"
                         " highest_modseq INTEGER NOT NULL DEFAULT 1,"
                         " subscribed INTEGER NOT NULL DEFAULT 1,"
                         " UNIQUE (mailbox_id, name))"),
          QStringLiteral("CREATE TABLE dkim_keys ("
                         " id INTEGER PRIMARY KEY,"
                         " domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,"
                         " selector TEXT NOT NULL,"
                         " key_type TEXT NOT NULL,"   // rsa or ed25519
                         " key_file TEXT NOT NULL,"   // relative to the data directory
                         " public_key TEXT NOT NULL," // the p= value
                         " created TEXT NOT NULL,"
                         " published TEXT," // first day its record was seen in DNS
                         " signing INTEGER NOT NULL DEFAULT 0,"
                         " retired TEXT,"
                         " UNIQUE (domain_id, selector))")}},
        // The messages. One file under messages/ serves every recipient of a delivery; each
        // folder that holds it has its own row (UID, flags, modseq).
        {3,
         {QStringLiteral("CREATE TABLE message_files ("
                         " id INTEGER PRIMARY KEY,"
                         " path TEXT NOT NULL UNIQUE," // relative to the data directory
                         " size INTEGER NOT NULL,"
                         " refs INTEGER NOT NULL,"
                         " received TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE messages ("
                         " id INTEGER PRIMARY KEY,"
                         " folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,"
                         " file_id INTEGER NOT NULL REFERENCES message_files(id),"
                         " uid INTEGER NOT NULL,"
                         " modseq INTEGER NOT NULL,"
                         " flags TEXT NOT NULL DEFAULT ''," // space separated, e.g. "\\Seen $Junk"
                         " internal_date TEXT NOT NULL,"
                         " size INTEGER NOT NULL,"
                         " UNIQUE (folder_id, uid))"),
          QStringLiteral("CREATE INDEX messages_file ON messages(file_id)")}},
        // A batch's rows are committed while its files are still being synced (MessageWriter),
        // so open() checks the files of the rows above store.synced_through against their
        // digest. quota_exempt marks the quota notices, which used_bytes does not count, so
        // that removing one leaves used_bytes right. Rows of earlier versions were synced before
        // their commit: they are all below the mark.
        {4,
         {QStringLiteral("ALTER TABLE message_files ADD COLUMN sha256 BLOB"), // of the file's bytes
          QStringLiteral("ALTER TABLE message_files ADD COLUMN quota_exempt INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("INSERT OR REPLACE INTO meta (key, value) "
                         "SELECT 'store.synced_through', coalesce(max(id), 0) FROM message_files")}},
        // IMAP. What summarizeMessage() works out at delivery, once per file, so that copies
        // share it; the files of earlier versions are summarized by the writer at open
        // (MessageIndex::addMissing).
        //
        // The full-text index is an ordinary FTS5 table, which keeps its own copy of the text.
        // A contentless one (content='') would keep only the index, but removing a row from it
        // takes the 'delete' command with the very text that was indexed (contentless_delete
        // needs SQLite 3.43; Debian 12 has 3.40), and that text can only be had again by
        // summarizing the file once more with the summarizer of that day: a later version that
        // decodes one header differently would leave stale entries behind and corrupt the
        // index. An external-content table needs the same text in a table of ours, which saves
        // nothing. The text is bounded (MessageSummary::maxBodyText, attachments are not text),
        // one row per file. Its rowid is the message_files id; the trigger removes a file's row
        // whatever removes the file (expunge, StoreRecovery, an undone batch). No column sizes:
        // they serve only bm25() ranking, and SEARCH answers in UID order.
        //
        // expunged keeps the UIDs removed from a folder with the modseq of their removal, for
        // FolderStore::changes() (CONDSTORE/QRESYNC). mailboxes.last_uidvalidity is the
        // highest UIDVALIDITY a folder of the mailbox ever got, so that a folder that is
        // removed and made again never gets its old one back.
        {5,
         {QStringLiteral("CREATE TABLE message_summaries ("
                         " file_id INTEGER PRIMARY KEY REFERENCES message_files(id) ON DELETE CASCADE,"
                         " header BLOB,"
                         " envelope BLOB,"
                         " body_structure BLOB,"
                         " body BLOB,"
                         " sent_date TEXT)"), // ISO 8601 UTC, NULL when the Date: header is unreadable
          QStringLiteral("CREATE VIRTUAL TABLE message_text USING fts5(header_text, body_text, "
                         "tokenize = 'unicode61 remove_diacritics 2', columnsize = 0)"),
          QStringLiteral("CREATE TRIGGER message_files_text AFTER DELETE ON message_files BEGIN "
                         "DELETE FROM message_text WHERE rowid = old.id; END"),
          QStringLiteral("CREATE TABLE expunged ("
                         " folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,"
                         " uid INTEGER NOT NULL,"
                         " modseq INTEGER NOT NULL)"),
          QStringLiteral("CREATE INDEX expunged_folder_modseq ON expunged(folder_id, modseq)"),
          QStringLiteral("CREATE INDEX messages_folder_modseq ON messages(folder_id, modseq)"),
          QStringLiteral("ALTER TABLE mailboxes ADD COLUMN last_uidvalidity INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral(
              "UPDATE mailboxes SET last_uidvalidity = coalesce("
              "(SELECT max(uidvalidity) FROM folders WHERE folders.mailbox_id = mailboxes.id), 0)")}},
        // Mail counted per 15 minutes for `stats` (see TrafficStore): 15 minutes because every
        // time zone's midnight falls on such a boundary, so "today" is exact everywhere.
        {6,
         {QStringLiteral("CREATE TABLE traffic ("
                         " start INTEGER PRIMARY KEY," // Unix seconds (UTC) of the period's start
                         " received INTEGER NOT NULL DEFAULT 0,"
                         " sent INTEGER NOT NULL DEFAULT 0,"
                         " rejected INTEGER NOT NULL DEFAULT 0)")}},
    };
    return list;
}

} // namespace pw::service
