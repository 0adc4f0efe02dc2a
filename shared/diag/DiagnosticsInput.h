#pragma once

#include "shared/core/HostPort.h"
#include "shared/crypto/KeyPair.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>

namespace pw::diag {

// A DKIM key the server signs with: what its published record must match.
struct DkimKeyExpectation
{
    QString selector;
    crypto::KeyType type = crypto::KeyType::Rsa;
    QByteArray publicKey; // SPKI DER for RSA, the raw 32 bytes for Ed25519: what p= holds
};

// A listener of our own service that must answer locally.
struct LocalListener
{
    QString role; // smtp, submission, submissions, imap, imaps
    core::HostPort address;
    bool implicitTls = false;
};

// Everything the checks need to know about the server under test. The wizard fills it from
// its pages, the CLI from its options, the service from its config.
struct DiagnosticsInput
{
    QString domain;   // the mail domain, e.g. example.org
    QString hostname; // the mail host name, e.g. mail.example.org
    // The server's public addresses as the owner configured them; empty = take them from the
    // host name's A/AAAA and the interfaces.
    QList<QHostAddress> publicAddresses;
    QList<DkimKeyExpectation> dkimKeys;
    QList<LocalListener> localListeners;

    QStringList ipBlocklists{QStringLiteral("zen.spamhaus.org"), QStringLiteral("bl.spamcop.net"),
                             QStringLiteral("b.barracudacentral.org"), QStringLiteral("bl.mailspike.net")};
    QStringList domainBlocklists{QStringLiteral("dbl.spamhaus.org")};

    // Open no TCP connection at all: DNS only.
    bool dnsOnly = false;
    // Where outbound port 25 is tried; empty = the MX of outboundProbeDomain.
    QString outboundTarget;
    QString outboundProbeDomain = QStringLiteral("gmail.com");
    quint16 outboundPort = 25;
    QList<quint16> publicPorts{25, 465, 587, 993};
    std::chrono::milliseconds tcpTimeout{5000};
};

} // namespace pw::diag
