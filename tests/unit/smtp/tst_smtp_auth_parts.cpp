// The pieces of SMTP AUTH that need no socket: SASL PLAIN and base64 decoding, and the failed
// login throttle (per address, per account, IPv6 /64, window, lockout, success).

#include "service/smtp/AuthThrottle.h"
#include "service/smtp/SaslCredentials.h"

#include <QTest>

using pw::service::AuthThrottle;
using pw::service::SaslCredentials;

class TestSmtpAuthParts : public QObject
{
    Q_OBJECT

private:
    const QDateTime t0 = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

    static AuthThrottle throttle() { return AuthThrottle(AuthThrottle::Limits{3, 2, 600, 900}); }

private slots:
    void plain()
    {
        const auto both = SaslCredentials::fromPlain(QByteArray("\0alice@example.org\0secret", 25));
        QVERIFY(both);
        QCOMPARE(both->username, QStringLiteral("alice@example.org"));
        QCOMPARE(both->password, QByteArray("secret"));
        // authzid equal to authcid is the same user; another one is refused.
        QVERIFY(SaslCredentials::fromPlain(QByteArray("a@x\0a@x\0pw", 10)));
        QVERIFY(!SaslCredentials::fromPlain(QByteArray("b@x\0a@x\0pw", 10)));
        QVERIFY(!SaslCredentials::fromPlain(QByteArray("\0\0pw", 4)));    // no user
        QVERIFY(!SaslCredentials::fromPlain(QByteArray("a@x\0pw", 6)));   // two parts
        QVERIFY(!SaslCredentials::fromPlain(QByteArray("\0a\0b\0c", 7))); // four parts
        // An empty password is a password (it will not verify), not a syntax error.
        QVERIFY(SaslCredentials::fromPlain(QByteArray("\0a@x\0", 5)));
    }

    void base64()
    {
        QCOMPARE(SaslCredentials::decodeBase64("AGFAeABwdw=="),
                 std::optional<QByteArray>(QByteArray("\0a@x\0pw", 7)));
        QVERIFY(!SaslCredentials::decodeBase64("AGFAeABwdw"));   // padding missing
        QVERIFY(!SaslCredentials::decodeBase64("AGFA eABwdw=")); // whitespace
        QVERIFY(!SaslCredentials::decodeBase64("****"));
        QCOMPARE(SaslCredentials::decodeBase64(""), std::optional<QByteArray>(QByteArray()));
    }

    void accountLockout()
    {
        AuthThrottle t = throttle();
        const QHostAddress a("192.0.2.1");
        const QHostAddress b("192.0.2.2");
        QCOMPARE(t.lockedFor(a, QStringLiteral("alice@x"), t0), 0);
        QVERIFY(!t.recordFailure(a, QStringLiteral("alice@x"), t0));
        // The second failure for the account locks it, from any address, even for the right
        // password; other accounts from another address are not affected.
        QVERIFY(t.recordFailure(b, QStringLiteral("Alice@X"), t0.addSecs(1)));
        QCOMPARE(t.lockedFor(QHostAddress("198.51.100.9"), QStringLiteral("alice@x"), t0.addSecs(2)), 899);
        QCOMPARE(t.lockedFor(QHostAddress("198.51.100.9"), QStringLiteral("bob@x"), t0.addSecs(2)), 0);
        QCOMPARE(t.lockedFor(a, QStringLiteral("alice@x"), t0.addSecs(901)), 0);
    }

    void addressLockoutAndSuccess()
    {
        AuthThrottle t = throttle();
        const QHostAddress a("192.0.2.1");
        QVERIFY(!t.recordFailure(a, QStringLiteral("u1@x"), t0));
        t.recordSuccess(QStringLiteral("u1@x"));
        QVERIFY(!t.recordFailure(a, QStringLiteral("u2@x"), t0));
        // A success clears the account, never the address: a spray over many accounts from one
        // address still ends in a lockout.
        QVERIFY(t.recordFailure(a, QStringLiteral("u3@x"), t0));
        QVERIFY(t.lockedFor(a, {}, t0) > 0);
        QCOMPARE(t.lockedFor(QHostAddress("192.0.2.3"), {}, t0), 0);
    }

    void windowForgetsOldFailures()
    {
        AuthThrottle t = throttle();
        const QHostAddress a("192.0.2.1");
        QVERIFY(!t.recordFailure(a, QStringLiteral("u@x"), t0));
        // Past the 600 s window the first failure no longer counts.
        QVERIFY(!t.recordFailure(a, QStringLiteral("u@x"), t0.addSecs(700)));
        QCOMPARE(t.lockedFor(a, QStringLiteral("u@x"), t0.addSecs(701)), 0);
    }

    void ipv6CountsPerSlash64()
    {
        AuthThrottle t = throttle();
        QVERIFY(!t.recordFailure(QHostAddress("2001:db8:1:2::1"), {}, t0));
        QVERIFY(!t.recordFailure(QHostAddress("2001:db8:1:2::2"), {}, t0));
        QVERIFY(t.recordFailure(QHostAddress("2001:db8:1:2:ffff::3"), {}, t0));
        QVERIFY(t.lockedFor(QHostAddress("2001:db8:1:2::99"), {}, t0) > 0);
        QCOMPARE(t.lockedFor(QHostAddress("2001:db8:1:3::1"), {}, t0), 0);
        // An IPv4-mapped client is its IPv4 address.
        QVERIFY(!t.recordFailure(QHostAddress("::ffff:192.0.2.7"), {}, t0));
        QVERIFY(!t.recordFailure(QHostAddress("192.0.2.7"), {}, t0));
        QVERIFY(t.recordFailure(QHostAddress("192.0.2.7"), {}, t0));
    }
};

QTEST_GUILESS_MAIN(TestSmtpAuthParts)
#include "tst_smtp_auth_parts.moc"
