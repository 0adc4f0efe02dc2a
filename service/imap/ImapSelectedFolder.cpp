#include "service/imap/ImapSelectedFolder.h"

#include <algorithm>

namespace pw::service {

ImapSelectedFolder::ImapSelectedFolder(FolderSnapshot snapshot, bool readOnly)
    : m_info(std::move(snapshot.folder))
    , m_readOnly(readOnly)
    , m_messages(std::move(snapshot.messages))
    , m_knownModseq(m_info.highestModseq)
    , m_uidNext(m_info.uidNext)
{
    for (FolderMessage& message : m_messages) {
        intern(message.flags);
        // FETCH asks the store for a file's name when it needs the bytes: twenty sessions on a
        // folder of 10,000 messages would otherwise hold 200,000 path strings.
        message.file.clear();
    }
}

void ImapSelectedFolder::intern(QStringList& flags)
{
    // Most messages share one of a few flag sets; sharing their data keeps a large folder's view
    // small.
    const QString key = flags.join(QLatin1Char(' '));
    const auto known = m_flagSets.constFind(key);
    if (known != m_flagSets.cend())
        flags = *known;
    else if (m_flagSets.size() < 1000)
        m_flagSets.insert(key, flags);
}

qsizetype ImapSelectedFolder::indexOfUid(qint64 uid) const
{
    const auto it = std::lower_bound(m_messages.cbegin(), m_messages.cend(), uid,
                                     [](const FolderMessage& m, qint64 u) { return m.uid < u; });
    return it != m_messages.cend() && it->uid == uid ? it - m_messages.cbegin() : -1;
}

std::optional<QList<qsizetype>> ImapSelectedFolder::resolve(const ImapSequenceSet& set, bool uid) const
{
    QList<qsizetype> out;
    const qsizetype n = m_messages.size();
    if (uid) {
        const qint64 largest = n > 0 ? m_messages.last().uid : 0;
        for (const ImapSequenceSet::Range& range : set.ranges) {
            qint64 a = range.first == ImapSequenceSet::star ? largest : range.first;
            qint64 b = range.last == ImapSequenceSet::star ? largest : range.last;
            if (a > b)
                std::swap(a, b);
            // "n:*" with n above every UID still names the last message (RFC 9051 6.4.8).
            const auto lo = std::lower_bound(m_messages.cbegin(), m_messages.cend(), a,
                                             [](const FolderMessage& m, qint64 u) { return m.uid < u; });
            for (auto it = lo; it != m_messages.cend() && it->uid <= b; ++it)
                out.append(it - m_messages.cbegin());
        }
    } else {
        for (const ImapSequenceSet::Range& range : set.ranges) {
            qint64 a = range.first == ImapSequenceSet::star ? n : range.first;
            qint64 b = range.last == ImapSequenceSet::star ? n : range.last;
            if (a > b)
                std::swap(a, b);
            if (a < 1 || b > n)
                return std::nullopt;
            for (qint64 i = a; i <= b; ++i)
                out.append(qsizetype(i - 1));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void ImapSelectedFolder::updateFlags(qint64 uid, const QStringList& flags, qint64 modseq)
{
    const qsizetype index = indexOfUid(uid);
    if (index < 0)
        return;
    m_messages[index].flags = flags;
    intern(m_messages[index].flags);
    m_messages[index].modseq = modseq;
}

void ImapSelectedFolder::removeUid(qint64 uid)
{
    const qsizetype index = indexOfUid(uid);
    if (index >= 0)
        m_messages.remove(index);
    m_pendingExpunges.removeAll(uid);
}

QByteArray ImapSelectedFolder::sync(const FolderChanges& changes, bool expungeAllowed, bool condstore)
{
    QByteArray out;
    for (const qint64 uid : changes.expunged)
        if (indexOfUid(uid) >= 0 && !m_pendingExpunges.contains(uid))
            m_pendingExpunges.append(uid);
    const qint64 lastUid = m_messages.isEmpty() ? 0 : m_messages.last().uid;
    bool added = false;
    for (const FolderMessage& row : changes.changed) {
        if (row.uid > lastUid) {
            if (m_messages.isEmpty() || row.uid > m_messages.last().uid) {
                m_messages.append(row);
                intern(m_messages.last().flags);
                m_messages.last().file.clear();
                added = true;
            }
            continue;
        }
        const qsizetype index = indexOfUid(row.uid);
        if (index < 0 || m_messages[index].modseq >= row.modseq)
            continue; // gone, or our own change that we answered already
        FolderMessage& mine = m_messages[index];
        const bool flagsChanged = mine.flags != row.flags;
        mine.flags = row.flags;
        intern(mine.flags);
        mine.modseq = row.modseq;
        if (flagsChanged || condstore) {
            out += "* " + QByteArray::number(index + 1) + " FETCH (";
            if (condstore)
                out += "UID " + QByteArray::number(mine.uid) + " MODSEQ (" + QByteArray::number(mine.modseq) +
                       ") ";
            out += "FLAGS " + imapFlagList(mine.flags) + ")\r\n";
        }
    }
    if (expungeAllowed && !m_pendingExpunges.isEmpty()) {
        std::sort(m_pendingExpunges.begin(), m_pendingExpunges.end());
        // Highest first: each EXPUNGE renumbers only the messages after it, which are gone.
        for (auto it = m_pendingExpunges.crbegin(); it != m_pendingExpunges.crend(); ++it) {
            const qsizetype index = indexOfUid(*it);
            if (index < 0)
                continue;
            m_messages.remove(index);
            out += "* " + QByteArray::number(index + 1) + " EXPUNGE\r\n";
        }
        m_pendingExpunges.clear();
    }
    if (added)
        out += "* " + QByteArray::number(m_messages.size()) + " EXISTS\r\n";
    m_knownModseq = std::max(m_knownModseq, changes.highestModseq);
    m_uidNext = std::max(m_uidNext, changes.uidNext);
    return out;
}

const QStringList& imapSystemFlags()
{
    static const QStringList flags{QStringLiteral("\\Answered"), QStringLiteral("\\Flagged"),
                                   QStringLiteral("\\Deleted"), QStringLiteral("\\Seen"),
                                   QStringLiteral("\\Draft")};
    return flags;
}

std::optional<QStringList> imapFlags(const QList<QByteArray>& raw)
{
    QStringList flags;
    for (const QByteArray& one : raw) {
        QString flag = QString::fromUtf8(one);
        if (flag.startsWith(QLatin1Char('\\'))) {
            const QStringList& system = imapSystemFlags();
            const auto known = std::find_if(system.cbegin(), system.cend(), [&flag](const QString& s) {
                return s.compare(flag, Qt::CaseInsensitive) == 0;
            });
            if (known == system.cend())
                return std::nullopt;
            flag = *known;
        }
        if (!flags.contains(flag))
            flags.append(flag);
    }
    return flags;
}

QByteArray imapFlagList(const QStringList& flags)
{
    QByteArray out = "(";
    for (const QString& flag : flags) {
        if (out.size() > 1)
            out += ' ';
        out += flag.toUtf8();
    }
    out += ')';
    return out;
}

} // namespace pw::service
