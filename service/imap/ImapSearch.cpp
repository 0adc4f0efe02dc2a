#include "service/imap/ImapSearch.h"

#include "service/store/FolderStore.h"
#include "shared/mail/EncodedWords.h"

#include <QSet>
#include <QTimeZone>

namespace pw::service {

namespace {

constexpr int kDepthLimit = 64;

bool needsHeaders(const ImapSearchKey& key, int depth = 0)
{
    using K = ImapSearchKey::Kind;
    if (depth > kDepthLimit)
        return false;
    switch (key.kind) {
    case K::Bcc:
    case K::Cc:
    case K::From:
    case K::Header:
    case K::Subject:
    case K::To:
    case K::SentBefore:
    case K::SentOn:
    case K::SentSince:
        return true;
    default:
        break;
    }
    for (const ImapSearchKey& child : key.children)
        if (needsHeaders(child, depth + 1))
            return true;
    return false;
}

// The unfolded values of one field of a header block.
QList<QByteArray> fieldValues(const QByteArray& header, const QByteArray& field)
{
    QList<QByteArray> values;
    qsizetype pos = 0;
    QByteArray* current = nullptr;
    while (pos < header.size()) {
        qsizetype end = header.indexOf('\n', pos);
        if (end < 0)
            end = header.size();
        QByteArray line = header.mid(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = end + 1;
        if (line.isEmpty())
            break;
        if (line.at(0) == ' ' || line.at(0) == '\t') {
            if (current)
                *current += ' ' + line.trimmed();
            continue;
        }
        current = nullptr;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(field, Qt::CaseInsensitive) == 0) {
            values.append(line.mid(colon + 1).trimmed());
            current = &values.last();
        }
    }
    return values;
}

bool inIntervals(const QList<ImapSequenceSet::Interval>& intervals, qint64 n)
{
    const auto it =
        std::upper_bound(intervals.cbegin(), intervals.cend(), n,
                         [](qint64 value, const ImapSequenceSet::Interval& i) { return value < i.low; });
    return it != intervals.cbegin() && n <= std::prev(it)->high;
}

QDate dateOf(const QDateTime& when)
{
    return when.toUTC().date();
}

} // namespace

ImapSearch::ImapSearch(const ImapSelectedFolder& folder, FolderStore& store)
    : m_folder(folder)
    , m_store(store)
{}

StoreResult ImapSearch::prepare(const ImapSearchKey& key)
{
    using K = ImapSearchKey::Kind;
    if (key.kind == K::Text || key.kind == K::Body) {
        QList<qint64> uids;
        const StoreResult result = m_store.searchText(
            m_folder.info().id, QString::fromUtf8(key.text),
            key.kind == K::Body ? FolderStore::TextScope::Body : FolderStore::TextScope::Text, &uids);
        if (!result.ok())
            return result;
        m_textHits.insert(&key, QSet<qint64>(uids.cbegin(), uids.cend()));
    }
    if (key.kind == K::ModSeq)
        m_usedModseq = true;
    if (key.kind == K::Uid)
        m_intervals.insert(&key, key.set.intervals(m_folder.count() ? m_folder.messages().last().uid : 0));
    if (key.kind == K::SequenceSet)
        m_intervals.insert(&key, key.set.intervals(m_folder.count()));
    for (const ImapSearchKey& child : key.children)
        if (const StoreResult result = prepare(child); !result.ok())
            return result;
    return StoreResult::success();
}

StoreResult ImapSearch::run(const ImapSearchKey& key, QList<qsizetype>* matchesOut)
{
    if (const StoreResult result = prepare(key); !result.ok())
        return result;
    if (needsHeaders(key)) {
        QList<qint64> fileIds;
        for (const FolderMessage& message : m_folder.messages())
            fileIds.append(message.fileId);
        // In slices, so that the summaries of a large folder are never all in memory at once.
        constexpr qsizetype kSlice = 2000;
        for (qsizetype from = 0; from < fileIds.size(); from += kSlice) {
            QHash<qint64, StoredSummary> summaries;
            if (const StoreResult result = m_store.summaries(fileIds.mid(from, kSlice), &summaries,
                                                             FolderStore::SummaryParts::HeaderOnly);
                !result.ok())
                return result;
            for (auto it = summaries.cbegin(); it != summaries.cend(); ++it) {
                m_headers.insert(it.key(), it->header);
                m_sentDates.insert(it.key(), it->sentDate);
            }
        }
    }
    matchesOut->clear();
    for (qsizetype i = 0; i < m_folder.count(); ++i)
        if (matches(key, i))
            matchesOut->append(i);
    return StoreResult::success();
}

bool ImapSearch::headerMatches(const QByteArray& header, const QByteArray& field, const QString& needle) const
{
    const QList<QByteArray> values = fieldValues(header, field);
    if (needle.isEmpty())
        return !values.isEmpty(); // HEADER field "": every message that has the field
    for (const QByteArray& value : values)
        if (mail::decodeEncodedWords(value).contains(needle, Qt::CaseInsensitive))
            return true;
    return false;
}

bool ImapSearch::matches(const ImapSearchKey& key, qsizetype index) const
{
    using K = ImapSearchKey::Kind;
    const FolderMessage& message = m_folder.at(index);
    const auto hasFlag = [&message](const char* flag) {
        return message.flags.contains(QLatin1String(flag));
    };
    const auto header = [this, &message, &key](const char* field) {
        return headerMatches(m_headers.value(message.fileId), field, QString::fromUtf8(key.text));
    };
    const QDate internal = dateOf(message.internalDate);
    const QDateTime sent = m_sentDates.value(message.fileId);
    // A message without a readable Date: is dated by its arrival (as Dovecot does).
    const QDate sentDate = sent.isValid() ? dateOf(sent) : internal;
    switch (key.kind) {
    case K::And:
        for (const ImapSearchKey& child : key.children)
            if (!matches(child, index))
                return false;
        return true;
    case K::All:
        return true;
    case K::Answered:
        return hasFlag("\\Answered");
    case K::Deleted:
        return hasFlag("\\Deleted");
    case K::Draft:
        return hasFlag("\\Draft");
    case K::Flagged:
        return hasFlag("\\Flagged");
    case K::Seen:
        return hasFlag("\\Seen");
    case K::Unanswered:
        return !hasFlag("\\Answered");
    case K::Undeleted:
        return !hasFlag("\\Deleted");
    case K::Undraft:
        return !hasFlag("\\Draft");
    case K::Unflagged:
        return !hasFlag("\\Flagged");
    case K::Unseen:
        return !hasFlag("\\Seen");
    case K::Keyword:
        return message.flags.contains(QString::fromUtf8(key.text), Qt::CaseInsensitive);
    case K::Unkeyword:
        return !message.flags.contains(QString::fromUtf8(key.text), Qt::CaseInsensitive);
    // No session sees a message as \Recent (RFC 9051 dropped it): NEW and RECENT match none.
    case K::New:
    case K::Recent:
        return false;
    case K::Old:
        return true;
    case K::Bcc:
        return header("Bcc");
    case K::Cc:
        return header("Cc");
    case K::From:
        return header("From");
    case K::Subject:
        return header("Subject");
    case K::To:
        return header("To");
    case K::Header:
        return headerMatches(m_headers.value(message.fileId), key.headerField, QString::fromUtf8(key.text));
    case K::Body:
    case K::Text:
        return m_textHits.value(&key).contains(message.uid);
    case K::Before:
        return internal < key.date;
    case K::On:
        return internal == key.date;
    case K::Since:
        return internal >= key.date;
    case K::SentBefore:
        return sentDate < key.date;
    case K::SentOn:
        return sentDate == key.date;
    case K::SentSince:
        return sentDate >= key.date;
    case K::Larger:
        return message.size > key.number;
    case K::Smaller:
        return message.size < key.number;
    case K::Not:
        return !key.children.isEmpty() && !matches(key.children.first(), index);
    case K::Or:
        return key.children.size() == 2 &&
               (matches(key.children.at(0), index) || matches(key.children.at(1), index));
    case K::Uid:
        return inIntervals(m_intervals.value(&key), message.uid);
    case K::SequenceSet:
        return inIntervals(m_intervals.value(&key), index + 1);
    case K::ModSeq:
        return message.modseq >= key.number;
    }
    return false;
}

} // namespace pw::service
