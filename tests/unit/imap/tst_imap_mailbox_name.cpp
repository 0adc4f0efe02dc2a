#include "service/imap/ImapMailboxName.h"

#include <QTest>

using namespace pw::service;

class TestImapMailboxName : public QObject
{
    Q_OBJECT

private slots:
    void modifiedUtf7_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("wire");
        // RFC 3501 5.1.3's own example, and the usual suspects.
        QTest::newRow("rfc example") << QStringLiteral("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e")
                                     << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        QTest::newRow("ampersand") << QStringLiteral("Tom & Jerry") << QByteArray("Tom &- Jerry");
        QTest::newRow("umlaut") << QStringLiteral("Entw\u00fcrfe") << QByteArray("Entw&APw-rfe");
        QTest::newRow("ascii") << QStringLiteral("Sent") << QByteArray("Sent");
        QTest::newRow("emoji") << QStringLiteral("\U0001F600") << QByteArray("&2D3eAA-");
    }
    void modifiedUtf7()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, wire);
        QCOMPARE(imapname::encodeModifiedUtf7(name).toLatin1(), wire);
        QCOMPARE(imapname::decodeModifiedUtf7(wire), std::optional<QString>(name));
    }

    void invalidNames_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("unterminated") << QByteArray("a&Jjo");
        QTest::newRow("bad base64") << QByteArray("a&*-");
        QTest::newRow("encoded ascii") << QByteArray("&AGE-");
        QTest::newRow("8-bit") << QByteArray("caf\xc3\xa9");
        QTest::newRow("empty level") << QByteArray("a//b");
        QTest::newRow("leading slash") << QByteArray("/a");
        QTest::newRow("trailing slash") << QByteArray("a/");
        QTest::newRow("empty") << QByteArray("");
    }
    void invalidNames()
    {
        QFETCH(QByteArray, wire);
        QVERIFY(!imapname::decode(wire, false).has_value());
    }

    void inboxIsCaseInsensitive()
    {
        QCOMPARE(imapname::decode("inbox", false), std::optional<QString>(QStringLiteral("INBOX")));
        QCOMPARE(imapname::decode("InBoX/Sub", false), std::optional<QString>(QStringLiteral("INBOX/Sub")));
        QCOMPARE(imapname::decode("Inboxes", false), std::optional<QString>(QStringLiteral("Inboxes")));
    }

    void utf8Mode()
    {
        QCOMPARE(imapname::decode("Entw\xc3\xbcrfe", true),
                 std::optional<QString>(QStringLiteral("Entw\u00fcrfe")));
        QVERIFY(!imapname::decode("\xff", true).has_value());
        QCOMPARE(imapname::encode(QStringLiteral("Entw\u00fcrfe"), true), QByteArray("Entw\xc3\xbcrfe"));
    }

    void patterns_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("star all") << "a/b/c"
                                  << "*" << true;
        QTest::newRow("percent top") << "a"
                                     << "%" << true;
        QTest::newRow("percent not deeper") << "a/b"
                                            << "%" << false;
        QTest::newRow("percent level") << "a/b"
                                       << "a/%" << true;
        QTest::newRow("percent level deeper") << "a/b/c"
                                              << "a/%" << false;
        QTest::newRow("star under") << "a/b/c"
                                    << "a/*" << true;
        QTest::newRow("prefix") << "Archive"
                                << "Ar*" << true;
        QTest::newRow("case") << "archive"
                              << "Ar*" << false;
        QTest::newRow("inbox any case") << "INBOX"
                                        << "inbox" << true;
        QTest::newRow("exact") << "Sent"
                               << "Sent" << true;
        QTest::newRow("middle") << "a/xyz/b"
                                << "a/%z/b" << true;
        QTest::newRow("many wildcards")
            << QString(200, QLatin1Char('a')) + "b" << QString(100, QLatin1Char('*')) + "%c" << false;
    }
    void patterns()
    {
        QFETCH(QString, name);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(imapname::matches(name, pattern), matches);
    }
};

QTEST_GUILESS_MAIN(TestImapMailboxName)
#include "tst_imap_mailbox_name.moc"
