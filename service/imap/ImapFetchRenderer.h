#pragma once

#include "service/imap/ImapCommand.h"
#include "service/store/FolderStore.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace pw::service {

// One "* n FETCH (...)" response (RFC 9051 7.5.2) from a message's row, its stored summary and,
// when an item needs more than the header, its file's bytes. Pure.
class ImapFetchRenderer
{
public:
    explicit ImapFetchRenderer(const QList<ImapFetchItem>& items);

    // What the items need besides the row.
    [[nodiscard]] bool needsSummary() const { return m_needsSummary; }
    // ENVELOPE, BODYSTRUCTURE or BODY: more of the summary than the header block.
    [[nodiscard]] bool needsStructure() const { return m_needsStructure; }
    [[nodiscard]] bool needsContent() const { return m_needsContent; }
    // BODY[...] without PEEK, RFC822 and RFC822.TEXT set \Seen (RFC 9051 6.4.5).
    [[nodiscard]] bool setsSeen() const { return m_setsSeen; }
    [[nodiscard]] bool wantsFlags() const { return m_wantsFlags; }

    struct Message
    {
        qsizetype sequence = 0;
        const FolderMessage* row = nullptr;
        const StoredSummary* summary = nullptr; // when needsSummary()
        const QByteArray* content = nullptr;    // when needsContent(); null if the file is unreadable
    };
    struct Extra
    {
        bool uid = false;    // UID FETCH, or CONDSTORE: the UID always goes with the answer
        bool modseq = false; // CHANGEDSINCE, or a CONDSTORE session's implicit FLAGS
        bool flags = false;  // \Seen was just set: tell the new flags
    };
    // Appends the response to `out`. Returns false when a BINARY item met an unknown or broken
    // transfer encoding (the command then ends in NO [UNKNOWN-CTE]).
    bool render(const Message& message, Extra extra, QByteArray& out) const;

private:
    QList<ImapFetchItem> m_items;
    // The text of each shared flag list, e.g. "(\Seen)": most messages of a folder have one of a few flag
    // sets.
    mutable QHash<const void*, QByteArray> m_flagText;
    bool m_needsSummary = false;
    bool m_needsStructure = false;
    bool m_needsContent = false;
    bool m_setsSeen = false;
    bool m_wantsFlags = false;
};

// "BODY[1.HEADER.FIELDS (FROM)]" as the response names it (without the origin octet).
[[nodiscard]] QByteArray imapSectionSpec(const ImapSection& section);
// "17-Jul-1996 02:44:25 +0000"
[[nodiscard]] QByteArray imapDateTime(const QDateTime& date);

} // namespace pw::service
