#pragma once

#include "service/store/StoreError.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <functional>

namespace pw::service {

class MessageStore;

// One folder of a mailbox, with its IMAP counters. Names use "/" as the hierarchy separator
// and are stored as given (UTF-8); "INBOX" is always spelled so.
struct FolderInfo
{
    qint64 id = 0;
    QString name;
    QString specialUse; // "\\Sent", "\\Drafts", "\\Trash", "\\Junk", "\\Archive" or empty
    qint64 uidValidity = 0;
    qint64 uidNext = 1;
    qint64 highestModseq = 1;
    bool subscribed = true;
    // Counted only by folders()/folder() when asked (STATUS, LIST RETURN STATUS).
    qint64 messages = 0;
    qint64 unseen = 0;  // rows without \Seen
    qint64 deleted = 0; // rows with \Deleted
    qint64 size = 0;    // sum of message sizes (STATUS SIZE)
};

// A message row as a selected folder sees it.
struct FolderMessage
{
    qint64 uid = 0;
    qint64 modseq = 0;
    QStringList flags;
    qint64 size = 0;
    QDateTime internalDate;
    qint64 fileId = 0;
    QString file; // relative to the data directory, for MessageStore::readFile()
};

// Everything SELECT needs: the folder and its messages in UID order.
struct FolderSnapshot
{
    FolderInfo folder;
    QList<FolderMessage> messages;
};

// What changed in a folder after a modseq: new rows and rows whose flags changed (modseq
// greater than it, in UID order) and the UIDs expunged after it.
struct FolderChanges
{
    qint64 highestModseq = 0;
    qint64 uidNext = 0;
    QList<FolderMessage> changed;
    QList<qint64> expunged;
    bool folderGone = false; // deleted (or renamed away) by another session
};

// What summarizeMessage() worked out at delivery (shared/mail/MessageSummary), as stored.
struct StoredSummary
{
    QByteArray header;
    QByteArray envelope;
    QByteArray bodyStructure;
    QByteArray body;
    QDateTime sentDate;
};

// The folders and message rows of mailboxes as IMAP uses them. Reads run at once on the
// caller's thread through its own connection; every write goes to the writer thread of
// MessageStore (the only code that writes mail) and reports through a callback on the thread
// of `context` once committed. After any commit that changes a folder (deliveries and APPEND
// included) folderChanged() is emitted on the store's thread, so that every session with that
// folder selected can ask for changes().
class FolderStore : public QObject
{
    Q_OBJECT

public:
    explicit FolderStore(MessageStore& store, QObject* parent = nullptr);
    ~FolderStore() override;

    enum class Counts
    {
        Skip,
        Include
    };
    // Every folder of a mailbox, by name.
    [[nodiscard]] StoreResult folders(qint64 mailboxId, Counts counts, QList<FolderInfo>* out) const;
    // One folder by name; StoreErrorCode::NotFound when there is none.
    [[nodiscard]] StoreResult folder(qint64 mailboxId, const QString& name, Counts counts,
                                     FolderInfo* out) const;
    [[nodiscard]] StoreResult snapshot(qint64 mailboxId, const QString& name, FolderSnapshot* out) const;
    [[nodiscard]] StoreResult changes(qint64 folderId, qint64 sinceModseq, FolderChanges* out) const;
    // The stored summaries of the given files, by file id. HeaderOnly reads the header block and
    // the date only: what header fetches and SEARCH need.
    enum class SummaryParts
    {
        All,
        HeaderOnly
    };
    [[nodiscard]] StoreResult summaries(const QList<qint64>& fileIds, QHash<qint64, StoredSummary>* out,
                                        SummaryParts parts = SummaryParts::All) const;
    // The paths of the given files (relative to the data directory), by file id.
    [[nodiscard]] StoreResult files(const QList<qint64>& fileIds, QHash<qint64, QString>* out) const;
    // The UIDs of the folder's messages whose indexed text contains every word of `words`
    // (a word at the end of `words` also matches as a prefix). BODY looks at the body text
    // only, TEXT at the header and the body.
    enum class TextScope
    {
        Body,
        Text
    };
    [[nodiscard]] StoreResult searchText(qint64 folderId, const QString& words, TextScope scope,
                                         QList<qint64>* uids) const;

    using Done = std::function<void(const StoreResult& result)>;
    // Folder management. create() makes missing parents too; remove() refuses INBOX and takes
    // the folder's messages with it; rename() moves children along, and renaming INBOX moves
    // its messages into a new folder and leaves INBOX empty (RFC 9051 6.3.6).
    void createFolder(qint64 mailboxId, const QString& name, QObject* context, Done done);
    void removeFolder(qint64 mailboxId, const QString& name, QObject* context, Done done);
    void renameFolder(qint64 mailboxId, const QString& from, const QString& to, QObject* context, Done done);
    void setSubscribed(qint64 mailboxId, const QString& name, bool subscribed, QObject* context, Done done);

    enum class FlagMode
    {
        Replace,
        Add,
        Remove
    };
    // Applies the change to the current flags of each UID (rows gone meanwhile are skipped);
    // only rows whose flags really change get a new modseq. With unchangedSince >= 0 a row
    // whose modseq is above it is left alone and reported in `refused` (CONDSTORE).
    using FlagsDone = std::function<void(const StoreResult& result, const QList<FolderMessage>& changed,
                                         const QList<qint64>& refused)>;
    void storeFlags(qint64 folderId, const QList<qint64>& uids, FlagMode mode, const QStringList& flags,
                    qint64 unchangedSince, QObject* context, FlagsDone done);

    // Removes the rows among `uids` that carry \Deleted; files nobody references any more
    // are deleted after the commit, and used_bytes goes down.
    using ExpungeDone = std::function<void(const StoreResult& result, const QList<qint64>& expunged)>;
    void expunge(qint64 folderId, const QList<qint64>& uids, QObject* context, ExpungeDone done);

    // Copies (or moves) rows to another folder of the same mailbox, keeping flags and internal
    // dates; a copy counts against the quota (QuotaExceeded, nothing copied). `uidMap` pairs each
    // source UID with its new UID, for COPYUID.
    using CopyDone = std::function<void(const StoreResult& result, qint64 destUidValidity,
                                        const QList<QPair<qint64, qint64>>& uidMap)>;
    void copyMessages(qint64 folderId, const QList<qint64>& uids, qint64 destFolderId, bool move,
                      QObject* context, CopyDone done);

    // APPEND: stored like a delivery (fsynced before `done`), with its flags and date; the
    // quota applies (QuotaExceeded).
    using AppendDone = std::function<void(const StoreResult& result, qint64 uidValidity, qint64 uid)>;
    void append(qint64 mailboxId, const QString& folder, const QByteArray& message, const QStringList& flags,
                const QDateTime& internalDate, QObject* context, AppendDone done);

signals:
    void folderChanged(qint64 folderId);

private:
    MessageStore& m_store;
};

} // namespace pw::service
