#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace pw::service {

// A sequence set (RFC 9051 sequence-set): message sequence numbers or UIDs, `*` standing for
// the largest one in use. Ranges keep the order and direction the client wrote; `3:1` is 1..3.
struct ImapSequenceSet
{
    static constexpr qint64 star = -1;
    struct Range
    {
        qint64 first = 0; // >= 1, or star
        qint64 last = 0;  // >= 1, or star; equal to first for a single number
    };
    QList<Range> ranges;
    bool savedResult = false; // `$` (RFC 5182), kept for a clear NO: we do not offer SEARCHRES

    // Whether n is in the set when the largest number in use is `largest` (`*` = largest;
    // on an empty mailbox `*` matches nothing). Linear in the ranges: to test many numbers
    // against a long set, walk intervals() instead.
    [[nodiscard]] bool contains(qint64 n, qint64 largest) const;

    // The same set as sorted, disjoint, non-adjacent [low, high] intervals with `*` resolved.
    struct Interval
    {
        qint64 low = 0;
        qint64 high = 0;
    };
    [[nodiscard]] QList<Interval> intervals(qint64 largest) const;
};

// BODY[section] / BINARY[section]: a part path, then what of that part.
struct ImapSection
{
    enum class Text
    {
        Whole,           // BODY[] or BODY[1.2]
        Header,          // BODY[HEADER], BODY[1.HEADER] (of a message/rfc822 part)
        HeaderFields,    // BODY[HEADER.FIELDS (A B)]
        HeaderFieldsNot, // BODY[HEADER.FIELDS.NOT (A B)]
        Text,            // BODY[TEXT], BODY[1.TEXT]
        Mime,            // BODY[1.MIME]: the part's own MIME header
    };
    QList<int> part; // 1-based part numbers, empty = the whole message
    Text text = Text::Whole;
    QList<QByteArray> fields; // upper-cased field names of HEADER.FIELDS(.NOT), as written
};

struct ImapFetchItem
{
    enum class Kind
    {
        Flags,
        InternalDate,
        Rfc822Size,
        Envelope,
        BodyStructure, // extensible
        Body,          // BODY without section: the non-extensible body structure
        Uid,
        ModSeq,       // CONDSTORE
        Section,      // BODY[...] / BODY.PEEK[...]
        Binary,       // BINARY[...] / BINARY.PEEK[...] (RFC 3516, IMAP4rev2)
        BinarySize,   // BINARY.SIZE[...]
        Rfc822,       // = BODY[] and sets \Seen
        Rfc822Header, // = BODY.PEEK[HEADER]
        Rfc822Text,   // = BODY[TEXT] and sets \Seen
    };
    Kind kind = Kind::Flags;
    ImapSection section;      // Section, Binary, BinarySize
    bool peek = false;        // BODY.PEEK / BINARY.PEEK: do not set \Seen
    qint64 partialStart = -1; // <start.length>, -1 = none
    qint64 partialLength = -1;
};

// One SEARCH key; NOT, OR and parenthesized lists nest. Keys of one list are ANDed.
struct ImapSearchKey
{
    enum class Kind
    {
        And, // a parenthesized list, or the whole program: children
        All,
        Answered,
        Bcc,
        Before,
        Body,
        Cc,
        Deleted,
        Draft,
        Flagged,
        From,
        Header,
        Keyword,
        Larger,
        New,
        Not,
        Old,
        On,
        Or,
        Recent,
        Seen,
        SentBefore,
        SentOn,
        SentSince,
        Since,
        Smaller,
        Subject,
        Text,
        To,
        Uid,
        Unanswered,
        Undeleted,
        Undraft,
        Unflagged,
        Unkeyword,
        Unseen,
        SequenceSet,
        ModSeq,
    };
    Kind kind = Kind::All;
    QByteArray text;        // the string of BCC/BODY/CC/FROM/SUBJECT/TEXT/TO, HEADER's value, a keyword
    QByteArray headerField; // HEADER's field name, as written
    QDate date;             // BEFORE/ON/SINCE/SENT*
    qint64 number = 0;      // LARGER/SMALLER size, MODSEQ value
    ImapSequenceSet set;    // Uid, SequenceSet
    QList<ImapSearchKey> children; // Not: 1, Or: 2, And: any
};

// A complete, syntactically valid command. Mailbox names are raw: modified UTF-7 in IMAP4rev1,
// UTF-8 after ENABLE UTF8=ACCEPT; the session decodes them. Only "INBOX" is normalized: any
// case of it comes out as "INBOX" (not in reference and patterns). An empty string is never
// null; strings from literals keep their bytes exactly.
struct ImapCommand
{
    enum class Name
    {
        Capability,
        Noop,
        Logout, // any state
        StartTls,
        Authenticate,
        Login, // not authenticated
        Enable,
        Select,
        Examine,
        Create,
        Delete,
        Rename,
        Subscribe,
        Unsubscribe,
        List,
        Lsub,
        Namespace,
        Status,
        Append,
        Idle,
        Id, // authenticated (Id: any state)
        Check,
        Close,
        Unselect,
        Expunge,
        Search,
        Fetch,
        Store,
        Copy,
        Move, // selected
    };
    QByteArray tag;
    Name name = Name::Noop;
    bool uid = false; // UID FETCH/STORE/COPY/MOVE/SEARCH/EXPUNGE

    // LOGIN
    QByteArray user;
    QByteArray password;
    // AUTHENTICATE mechanism [initial-response] (SASL-IR; "=" = empty response)
    QByteArray mechanism;
    std::optional<QByteArray> initialResponse;

    // SELECT/EXAMINE/CREATE/DELETE/SUBSCRIBE/UNSUBSCRIBE/STATUS/APPEND: mailbox;
    // RENAME: mailbox -> newMailbox; COPY/MOVE: destination in mailbox
    QByteArray mailbox;
    QByteArray newMailbox;
    bool condstore = false; // SELECT/EXAMINE (CONDSTORE), FETCH (CHANGEDSINCE given implies it)

    // LIST/LSUB: reference and patterns (LIST-EXTENDED allows several patterns)
    QByteArray reference;
    QList<QByteArray> patterns;
    QList<QByteArray> listSelectOptions; // upper-cased: SUBSCRIBED, SPECIAL-USE, RECURSIVEMATCH
    QList<QByteArray> listReturnOptions; // upper-cased: CHILDREN, SUBSCRIBED, SPECIAL-USE, STATUS
    QList<QByteArray> statusItems;       // STATUS, and LIST RETURN (STATUS (...)): upper-cased

    // ENABLE: capability names, upper-cased
    QList<QByteArray> capabilities;

    // APPEND
    QList<QByteArray> flags; // also STORE; flags as written, e.g. "\\Seen", "$Junk"
    std::optional<QDateTime> internalDate;
    QByteArray message;

    // FETCH/STORE/COPY/MOVE/SEARCH(UID set)/UID EXPUNGE
    ImapSequenceSet set;
    QList<ImapFetchItem> fetchItems; // macros ALL/FAST/FULL expanded
    qint64 changedSince = -1;        // FETCH (CHANGEDSINCE n)

    // STORE
    enum class StoreMode
    {
        Replace,
        Add,
        Remove
    };
    StoreMode storeMode = StoreMode::Replace;
    bool silent = false;
    qint64 unchangedSince = -1; // STORE (UNCHANGEDSINCE n)

    // SEARCH
    ImapSearchKey search;
    QByteArray charset;              // upper-cased; empty = US-ASCII/UTF-8
    bool searchReturn = false;       // RETURN (...) given: answer with ESEARCH
    QList<QByteArray> returnOptions; // upper-cased: MIN MAX ALL COUNT; "RETURN ()" gives ALL;
                                     // SAVE is refused by the parser (no SEARCHRES)

    // ID: field/value pairs, or empty for NIL; a NIL value is a null QByteArray
    QList<QPair<QByteArray, QByteArray>> idParameters;
};

} // namespace pw::service
