// The header fields the receiving side adds: Return-Path, Received (one recipient named, several
// not; nothing a client sends can break out of its comment) and Authentication-Results, and the
// removal of forged Authentication-Results that claim our authserv-id.

#include "service/smtp/MessageAcceptance.h"
#include "service/smtp/TraceHeaders.h"

#include <QTest>

using namespace pw::service;

class TestSmtpTraceHeaders : public QObject
{
    Q_OBJECT

private:
    static SmtpRecipient recipient(const char* address)
    {
        return SmtpRecipient{*pw::mail::MailAddress::parse(address), {}};
    }

    static AcceptanceInput input()
    {
        AcceptanceInput in;
        in.peer.address = QHostAddress(QStringLiteral("192.0.2.9"));
        in.helo = QStringLiteral("client.example.net");
        in.protocol = QStringLiteral("ESMTPS");
        in.tlsProtocol = QStringLiteral("TLSv1.3");
        in.tlsCipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
        in.queueId = QStringLiteral("ABCDEFGHJK-1");
        in.envelope.from = pw::mail::MailAddress::parse("sender@example.net");
        in.envelope.recipients = {recipient("bob@example.org")};
        return in;
    }

    const QDateTime when = QDateTime(QDate(2026, 11, 25), QTime(17, 5, 9), Qt::UTC);

private slots:
    void returnPath()
    {
        SmtpEnvelope envelope;
        QCOMPARE(TraceHeaders::returnPath(envelope), QByteArray("Return-Path: <>\r\n"));
        envelope.from = pw::mail::MailAddress::parse("a@example.net");
        QCOMPARE(TraceHeaders::returnPath(envelope), QByteArray("Return-Path: <a@example.net>\r\n"));
    }

    void receivedNamesOneRecipient()
    {
        const QByteArray field = TraceHeaders::received(QStringLiteral("mx.example.org"), input(), when);
        QCOMPARE(field, QByteArray("Received: from client.example.net ([192.0.2.9])\r\n"
                                   "\tby mx.example.org (Postwarden) with ESMTPS id ABCDEFGHJK-1\r\n"
                                   "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384)\r\n"
                                   "\tfor <bob@example.org>;\r\n"
                                   "\tWed, 25 Nov 2026 17:05:09 +0000\r\n"));
        AcceptanceInput two = input();
        two.envelope.recipients.append(recipient("carol@example.org"));
        QVERIFY(!TraceHeaders::received(QStringLiteral("mx.example.org"), two, when).contains("carol"));
    }

    void heloCannotBreakTheField()
    {
        AcceptanceInput in = input();
        in.helo = QStringLiteral("evil\r\nX-Injected: yes (a) \\ ;");
        const QByteArray field = TraceHeaders::received(QStringLiteral("mx.example.org"), in, when);
        QVERIFY(!field.contains("\r\nX-Injected"));
        QVERIFY(!field.contains("(a)"));
        QCOMPARE(field.count("\r\n"), 5);
    }

    void authenticationResults()
    {
        SmtpEnvelope envelope = input().envelope;
        pw::auth::SpfResult spf;
        spf.result = pw::auth::SpfResult::Pass;
        envelope.spf = spf;
        pw::auth::DkimVerification dkim;
        pw::auth::DkimResult signature;
        signature.status = pw::auth::DkimStatus::Pass;
        signature.domain = QStringLiteral("example.net");
        signature.selector = QStringLiteral("s1");
        signature.headerB = QStringLiteral("abcdefgh");
        dkim.results = {signature};
        pw::auth::DmarcEvaluation dmarc;
        dmarc.status = pw::auth::DmarcStatus::Pass;
        dmarc.fromDomain = QStringLiteral("example.net");
        QCOMPARE(TraceHeaders::authenticationResults(QStringLiteral("mx.example.org"), envelope,
                                                     QStringLiteral("client.example.net"), dkim, dmarc),
                 QByteArray("Authentication-Results: mx.example.org;\r\n"
                            "\tspf=pass smtp.mailfrom=sender@example.net;\r\n"
                            "\tdkim=pass header.d=example.net header.s=s1 header.b=abcdefgh;\r\n"
                            "\tdmarc=pass header.from=example.net\r\n"));
    }

    void forgedResultsRemoved()
    {
        const QByteArray message =
            "Authentication-Results: MX.example.org; dkim=pass header.d=bank.example\r\n"
            "Authentication-Results: mx.example.org.evil; spf=pass\r\n"
            "Authentication-Results: other.example; spf=fail\r\n"
            "Subject: hi\r\n"
            "\r\n"
            "Authentication-Results: mx.example.org; in the body stays\r\n";
        const QByteArray cleaned =
            TraceHeaders::withoutForgedResults(message, QStringLiteral("mx.example.org"));
        QCOMPARE(cleaned, QByteArray("Authentication-Results: mx.example.org.evil; spf=pass\r\n"
                                     "Authentication-Results: other.example; spf=fail\r\n"
                                     "Subject: hi\r\n"
                                     "\r\n"
                                     "Authentication-Results: mx.example.org; in the body stays\r\n"));
        const QByteArray untouched = "Subject: hi\r\n\r\nbody\r\n";
        QCOMPARE(TraceHeaders::withoutForgedResults(untouched, QStringLiteral("mx.example.org")), untouched);
    }
};

QTEST_GUILESS_MAIN(TestSmtpTraceHeaders)
#include "tst_smtp_trace_headers.moc"
