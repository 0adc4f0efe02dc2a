#pragma once

#include "service/store/WriteTask.h"

#include <QString>
#include <QVariant>

namespace pw::service {

// The writes of FolderStore on folders: create (with missing parents), remove, rename (with
// children; INBOX per RFC 9051 6.3.6) and subscribe. Names are normalized here (FolderNames).
// Runs on the writer thread inside a WriteTransaction. Private to service/store.
//
// UIDVALIDITY: a new folder gets the current time in seconds, or one more than the highest
// value the mailbox ever handed out (mailboxes.last_uidvalidity) if that is not less: strictly
// increasing per mailbox, so a name removed and made again never sees its old value (RFC 9051
// 2.3.1.1), also within one second and across a clock set back.
class FolderTree
{
public:
    explicit FolderTree(WriteTransaction& transaction);

    [[nodiscard]] StoreResult create(qint64 mailboxId, const QString& name);
    // Refuses INBOX; the folder's messages go with it, its children stay (RFC 9051 6.3.4).
    [[nodiscard]] StoreResult remove(qint64 mailboxId, const QString& name);
    [[nodiscard]] StoreResult rename(qint64 mailboxId, const QString& from, const QString& to);
    [[nodiscard]] StoreResult setSubscribed(qint64 mailboxId, const QString& name, bool subscribed);

private:
    // 0 in *id when there is none.
    [[nodiscard]] StoreResult find(qint64 mailboxId, const QString& name, qint64* id);
    [[nodiscard]] StoreResult insert(qint64 mailboxId, const QString& name, qint64* id);
    [[nodiscard]] StoreResult createParents(qint64 mailboxId, const QString& name);
    [[nodiscard]] StoreResult nextUidValidity(qint64 mailboxId, qint64* uidValidity);
    [[nodiscard]] StoreResult renameInbox(qint64 mailboxId, qint64 inboxId, const QString& to);

    WriteTransaction& m_transaction;
};

} // namespace pw::service
