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
    };
    return list;
}

} // namespace pw::service
