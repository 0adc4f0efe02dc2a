#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace pw::mail {

// One entry of an IMAP ENVELOPE address list (RFC 9051 7.5.2): a null QByteArray is NIL.
// A group (RFC 5322 3.4) starts with an entry whose mailbox is the group name and whose host is
// NIL, and ends with an entry that is NIL all through.
struct EnvelopeAddress
{
    QByteArray name;    // the display name (phrase), quotes removed, encoded words kept
    QByteArray route;   // obsolete source route, "@a,@b"
    QByteArray mailbox; // local part, quotes removed
    QByteArray host;    // domain

    [[nodiscard]] bool isGroupStart() const { return !mailbox.isNull() && host.isNull(); }
    [[nodiscard]] bool isGroupEnd() const { return mailbox.isNull() && host.isNull(); }
};

// An RFC 5322 address-list field value (From, To, ...; unfolded) as envelope entries. Lenient
// in the way Dovecot is, so that clients see the same: a missing local part or domain becomes
// "MISSING_MAILBOX" / "MISSING_DOMAIN", a name-addr whose angle brackets do not close gets the
// domain "SYNTAX_ERROR", "a@b (Name)" takes the comment as the name, a lone word is a mailbox.
// Empty for a value without addresses.
[[nodiscard]] QList<EnvelopeAddress> parseEnvelopeAddresses(QByteArrayView value);

} // namespace pw::mail
