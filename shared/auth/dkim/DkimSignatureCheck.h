#pragma once

#include "shared/auth/dkim/DkimKeyRecord.h"
#include "shared/auth/dkim/DkimResult.h"
#include "shared/auth/dkim/DkimSignature.h"
#include "shared/dns/LookupResult.h"
#include "shared/mail/HeaderField.h"
#include "shared/mail/MessageHeader.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <chrono>

namespace pw::auth {

// The verification of one DKIM-Signature field, in the three steps of RFC 6376 6.1, without any
// I/O: the caller fetches the key record between the first step and the others. Pure.
class DkimSignatureCheck
{
public:
    // RFC 6376 6.1.1: parses and checks the field, including t= and x= against `now` (allowing
    // `clockSkew` either way). A field that can never verify decides the result here.
    DkimSignatureCheck(const mail::HeaderField& field, const QDateTime& now, std::chrono::seconds clockSkew);

    // True when the result is known without the key (a permerror).
    [[nodiscard]] bool isDecided() const { return m_decided; }
    // The TXT record to look up: "<s>._domainkey.<d>".
    [[nodiscard]] QString keyName() const { return m_signature.keyName(); }
    [[nodiscard]] const DkimSignature& signature() const { return m_signature; }

    // RFC 6376 6.1.2 and 6.1.3 with the outcome of the TXT lookup of keyName(). `fieldIndex` is
    // the position of the checked field in `header`; `body` what follows the header section.
    void finish(const dns::LookupResult& keyLookup, const mail::MessageHeader& header, qsizetype fieldIndex,
                QByteArrayView body);
    // The same with the TXT records' texts (each one's strings joined).
    void finish(const QList<QByteArray>& keyRecords, const mail::MessageHeader& header, qsizetype fieldIndex,
                QByteArrayView body);

    [[nodiscard]] const DkimResult& result() const { return m_result; }

private:
    void decide(DkimStatus status, DkimReason reason, const QString& text);
    // RFC 6376 6.1.2: is this record's key usable for this signature? Decides if not.
    bool checkKeyRecord(const DkimKeyRecord& record);
    void verify(const DkimKeyRecord& record, const mail::MessageHeader& header, qsizetype fieldIndex,
                QByteArrayView body);

    mail::HeaderField m_field;
    DkimSignature m_signature;
    DkimResult m_result;
    bool m_decided = false;
};

} // namespace pw::auth
