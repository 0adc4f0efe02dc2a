#pragma once

#include "service/imap/ImapCommand.h"
#include "service/store/FolderStore.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace pw::service {

// The selected folder as one session sees it: the messages in sequence order (= UID order),
// which only changes when the session tells the client (EXISTS, EXPUNGE), so that sequence
// numbers mean the same to both sides. Changes other sessions made are merged in by sync().
class ImapSelectedFolder
{
public:
    ImapSelectedFolder(FolderSnapshot snapshot, bool readOnly);

    [[nodiscard]] const FolderInfo& info() const { return m_info; }
    [[nodiscard]] bool readOnly() const { return m_readOnly; }
    [[nodiscard]] const QList<FolderMessage>& messages() const { return m_messages; }
    [[nodiscard]] qsizetype count() const { return m_messages.size(); }
    [[nodiscard]] const FolderMessage& at(qsizetype index) const { return m_messages.at(index); }
    [[nodiscard]] FolderMessage& at(qsizetype index) { return m_messages[index]; }
    [[nodiscard]] qint64 highestModseq() const { return m_knownModseq; }
    [[nodiscard]] qint64 uidNext() const { return m_uidNext; }

    // Index of a UID, or -1.
    [[nodiscard]] qsizetype indexOfUid(qint64 uid) const;
    // The indexes a set names, ascending and distinct. Sequence numbers beyond the count make
    // the set invalid (nullopt: BAD); UIDs that do not exist are skipped (RFC 9051 6.4.8).
    [[nodiscard]] std::optional<QList<qsizetype>> resolve(const ImapSequenceSet& set, bool uid) const;

    // Our own changes, already answered to the client.
    void updateFlags(qint64 uid, const QStringList& flags, qint64 modseq);
    void removeUid(qint64 uid);

    // Merges what the store reports after highestModseq(): new messages, flag changes of
    // others, expunges. Returns the untagged responses to send. Expunges are sent only when
    // `expungeAllowed` (not during FETCH, STORE or SEARCH by sequence number: RFC 9051 7.5.1);
    // otherwise they wait for the next sync that allows them.
    QByteArray sync(const FolderChanges& changes, bool expungeAllowed, bool condstore);
    // Whether expunges are waiting to be told.
    [[nodiscard]] bool hasPendingExpunges() const { return !m_pendingExpunges.isEmpty(); }

private:
    void intern(QStringList& flags);

    FolderInfo m_info;
    bool m_readOnly = false;
    QList<FolderMessage> m_messages;
    qint64 m_knownModseq = 0;
    qint64 m_uidNext = 1;
    QList<qint64> m_pendingExpunges;
    QHash<QString, QStringList> m_flagSets;
};

// \Answered \Flagged \Deleted \Seen \Draft
[[nodiscard]] const QStringList& imapSystemFlags();
// Flags as a client wrote them, system flags spelled right ("\seen" -> "\Seen"), duplicates
// dropped; nullopt for \Recent or an unknown system flag, which a client cannot set.
[[nodiscard]] std::optional<QStringList> imapFlags(const QList<QByteArray>& raw);
// "(\Seen $Junk)"
[[nodiscard]] QByteArray imapFlagList(const QStringList& flags);

} // namespace pw::service
