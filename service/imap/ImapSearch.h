#pragma once

#include "service/imap/ImapCommand.h"
#include "service/imap/ImapSelectedFolder.h"
#include "service/store/StoreError.h"

#include <QHash>
#include <QList>

namespace pw::service {

class FolderStore;

// SEARCH over the selected folder (RFC 9051 6.4.4 and CONDSTORE's MODSEQ): flags, sizes,
// dates and sets from the session's rows; header keys from the stored header blocks (field
// values decoded, case-insensitive substring); TEXT and BODY from the store's full-text index,
// which matches whole words and word prefixes.
class ImapSearch
{
public:
    ImapSearch(const ImapSelectedFolder& folder, FolderStore& store);

    // The indexes of the matching messages, ascending.
    [[nodiscard]] StoreResult run(const ImapSearchKey& key, QList<qsizetype>* matches);
    // The highest modseq among the matches, for "(MODSEQ n)" when the program used MODSEQ.
    [[nodiscard]] bool usedModseq() const { return m_usedModseq; }

private:
    [[nodiscard]] StoreResult prepare(const ImapSearchKey& key);
    [[nodiscard]] bool matches(const ImapSearchKey& key, qsizetype index) const;
    [[nodiscard]] bool headerMatches(const QByteArray& header, const QByteArray& field,
                                     const QString& needle) const;

    const ImapSelectedFolder& m_folder;
    FolderStore& m_store;
    bool m_usedModseq = false;
    QHash<const ImapSearchKey*, QSet<qint64>> m_textHits; // TEXT/BODY key -> matching UIDs
    QHash<const ImapSearchKey*, QList<ImapSequenceSet::Interval>> m_intervals; // UID and set keys
    QHash<qint64, QByteArray> m_headers;                                       // file id -> header block
    QHash<qint64, QDateTime> m_sentDates;                                      // file id -> Date:
};

} // namespace pw::service
