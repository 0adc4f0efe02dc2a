// RFC 6376 3.2 tag lists, and on top of them the DKIM-Signature tags (3.5) and key record
// tags (3.6.1) with their validation errors.

#include "shared/auth/dkim/DkimKeyRecord.h"
#include "shared/auth/dkim/DkimSignature.h"
#include "shared/auth/dkim/DkimTagList.h"
#include "shared/crypto/Base64.h"

#include <QTest>

using namespace pw::auth;

Q_DECLARE_METATYPE(pw::auth::DkimReason)

namespace {

const QByteArray ValidSignature = "v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel;"
                                  " h=From:To:Subject; bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;"
                                  " b=AAAA";

// ValidSignature with one tag replaced, added (when absent) or removed (value "-").
QByteArray signatureWith(const QByteArray& tag, const QByteArray& value)
{
    QList<QByteArray> parts;
    bool replaced = false;
    for (const QByteArray& part : ValidSignature.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(tag + "=")) {
            replaced = true;
            if (value != "-")
                parts.append(" " + tag + "=" + value);
            continue;
        }
        parts.append(part);
    }
    if (!replaced)
        parts.append(" " + tag + "=" + value);
    return parts.join(';');
}

} // namespace

class TestTagList : public QObject
{
    Q_OBJECT

private slots:
    void basicList();
    void whitespaceAndFolding();
    void trailingSemicolonAndEmptyElements();
    void emptyValue();
    void valueOffsets();
    void tagListErrors_data();
    void tagListErrors();

    void signatureParsed();
    void signatureDefaults();
    void signatureRfc6376Example();
    void signatureErrors_data();
    void signatureErrors();
    void identityMayBeSubdomain();
    void partialInformationOnError();

    void keyRecordParsed();
    void keyRecordDefaults();
    void keyRecordRevoked();
    void keyRecordFlags();
    void keyRecordErrors_data();
    void keyRecordErrors();
};

void TestTagList::basicList()
{
    const auto parse = DkimTagList::parse("v=1; a=rsa-sha256; d=example.net");
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QCOMPARE(parse.list.tags().size(), 3);
    QCOMPARE(parse.list.value("v"), QByteArray("1"));
    QCOMPARE(parse.list.value("a"), QByteArray("rsa-sha256"));
    QCOMPARE(parse.list.value("d"), QByteArray("example.net"));
    QVERIFY(!parse.list.contains("x"));
    // RFC 6376 3.2: tag names are case-sensitive.
    QVERIFY(!parse.list.contains("V"));
}

void TestTagList::whitespaceAndFolding()
{
    const auto parse = DkimTagList::parse(" v = 1 ;\r\n\tb= abc\r\n def ; h =From : To");
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QCOMPARE(parse.list.value("v"), QByteArray("1"));
    // Whitespace inside a value stays; around it goes.
    QCOMPARE(parse.list.value("b"), QByteArray("abc\r\n def"));
    QCOMPARE(parse.list.value("h"), QByteArray("From : To"));
}

void TestTagList::trailingSemicolonAndEmptyElements()
{
    const auto parse = DkimTagList::parse("v=DKIM1; ; p=abc;");
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QCOMPARE(parse.list.tags().size(), 2);
    QVERIFY(DkimTagList::parse("").ok());
    QVERIFY(DkimTagList::parse("  ").ok());
}

void TestTagList::emptyValue()
{
    const auto parse = DkimTagList::parse("v=DKIM1; p=");
    QVERIFY(parse.ok());
    QVERIFY(parse.list.contains("p"));
    QCOMPARE(parse.list.value("p"), QByteArray());
}

void TestTagList::valueOffsets()
{
    const QByteArray text = "a=1; b = xy z ; c=3";
    const auto parse = DkimTagList::parse(text);
    QVERIFY(parse.ok());
    const DkimTag* b = parse.list.find("b");
    QVERIFY(b);
    QCOMPARE(text.mid(b->valueStart, b->valueEnd - b->valueStart), QByteArray("xy z"));
    QCOMPARE(text.left(b->equalsEnd), QByteArray("a=1; b ="));
    QCOMPARE(text.mid(b->separatorEnd), QByteArray("; c=3"));
}

void TestTagList::tagListErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("duplicate") << QByteArray("a=1; b=2; a=3");
    QTest::newRow("no equals") << QByteArray("a=1; b; c=3");
    QTest::newRow("name starts with digit") << QByteArray("1a=2");
    QTest::newRow("control byte in value") << QByteArray("a=x\x01y");
    QTest::newRow("nul in value") << QByteArray("a=x\0y", 5);
    QTest::newRow("bad name char") << QByteArray("a-b=1");
}

void TestTagList::tagListErrors()
{
    QFETCH(QByteArray, text);
    const auto parse = DkimTagList::parse(text);
    QVERIFY(!parse.ok());
    QVERIFY(!parse.error.isEmpty());
}

void TestTagList::signatureParsed()
{
    const auto parse =
        DkimSignature::parse(signatureWith("i", "joe@sub.example.com") + "; l=123; t=1000; x=2000; "
                                                                         "q=dns/txt; z=From:a@b");
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    const DkimSignature& sig = parse.signature;
    QCOMPARE(sig.algorithm, DkimAlgorithm::RsaSha256);
    QCOMPARE(sig.headerCanonicalization, DkimCanonicalization::Relaxed);
    QCOMPARE(sig.bodyCanonicalization, DkimCanonicalization::Simple);
    QCOMPARE(sig.domain, QByteArray("example.com"));
    QCOMPARE(sig.selector, QByteArray("sel"));
    QCOMPARE(sig.signedHeaders, (QList<QByteArray>{"From", "To", "Subject"}));
    QCOMPARE(sig.identity, QByteArray("joe@sub.example.com"));
    QCOMPARE(sig.identityDomain(), QByteArray("sub.example.com"));
    QCOMPARE(sig.bodyLength, std::optional<quint64>(123));
    QCOMPARE(sig.timestamp, std::optional<quint64>(1000));
    QCOMPARE(sig.expiration, std::optional<quint64>(2000));
    QCOMPARE(sig.bodyHash.size(), 32);
    QCOMPARE(sig.signature, QByteArray(3, '\0'));
    QCOMPARE(sig.copiedHeaders, QByteArray("From:a@b"));
    QCOMPARE(sig.keyName(), QStringLiteral("sel._domainkey.example.com"));
}

void TestTagList::signatureDefaults()
{
    const auto parse = DkimSignature::parse(signatureWith("c", "-"));
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    // RFC 6376 3.5: c= defaults to simple/simple, i= to "@" d=.
    QCOMPARE(parse.signature.headerCanonicalization, DkimCanonicalization::Simple);
    QCOMPARE(parse.signature.bodyCanonicalization, DkimCanonicalization::Simple);
    QCOMPARE(parse.signature.identity, QByteArray("@example.com"));
    QVERIFY(!parse.signature.bodyLength);
    QVERIFY(!parse.signature.timestamp);
    // c=relaxed alone means relaxed/simple.
    const auto relaxed = DkimSignature::parse(signatureWith("c", "relaxed"));
    QVERIFY(relaxed.ok());
    QCOMPARE(relaxed.signature.headerCanonicalization, DkimCanonicalization::Relaxed);
    QCOMPARE(relaxed.signature.bodyCanonicalization, DkimCanonicalization::Simple);
}

void TestTagList::signatureRfc6376Example()
{
    // RFC 6376 Appendix A.2, folded as in the RFC.
    const QByteArray value = " v=1; a=rsa-sha256; s=brisbane; d=example.com;\r\n"
                             "      c=simple/simple; q=dns/txt; i=joe@football.example.com;\r\n"
                             "      h=Received : From : To : Subject : Date : Message-ID;\r\n"
                             "      bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
                             "      b=AuUoFEfDxTDkHlLXSZEpZj79LICEps6eda7W3deTVFOk4yAUoqOB\r\n"
                             "      4nujc7YopdG5dWLSdNg6xNAZpOPr+kHxt1IrE+NahM6L/LbvaHut\r\n"
                             "      KVdkLLkpVaVVQPzeRDI009SO2Il5Lu7rDNH6mZckBdrIx0orEtZV\r\n"
                             "      4bmp/YzhwvcubU4=;";
    const auto parse = DkimSignature::parse(value);
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QCOMPARE(parse.signature.signedHeaders,
             (QList<QByteArray>{"Received", "From", "To", "Subject", "Date", "Message-ID"}));
    QCOMPARE(parse.signature.signature.size(), 128);
    QVERIFY(parse.signature.signatureBase64.startsWith("AuUoFEfDxTDkHlLX"));
    QVERIFY(!parse.signature.signatureBase64.contains(' '));
}

void TestTagList::signatureErrors_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<DkimReason>("reason");

    QTest::newRow("not a tag list") << QByteArray("v=1; a") << DkimReason::Syntax;
    QTest::newRow("duplicate tag") << QByteArray(ValidSignature + "; d=other.example") << DkimReason::Syntax;
    QTest::newRow("no v") << signatureWith("v", "-") << DkimReason::Syntax;
    QTest::newRow("v=2") << signatureWith("v", "2") << DkimReason::UnsupportedVersion;
    QTest::newRow("no a") << signatureWith("a", "-") << DkimReason::Syntax;
    QTest::newRow("no b") << signatureWith("b", "-") << DkimReason::Syntax;
    QTest::newRow("no bh") << signatureWith("bh", "-") << DkimReason::Syntax;
    QTest::newRow("no d") << signatureWith("d", "-") << DkimReason::Syntax;
    QTest::newRow("no h") << signatureWith("h", "-") << DkimReason::Syntax;
    QTest::newRow("no s") << signatureWith("s", "-") << DkimReason::Syntax;
    QTest::newRow("rsa-sha1") << signatureWith("a", "rsa-sha1") << DkimReason::UnsupportedAlgorithm;
    QTest::newRow("unknown algorithm")
        << signatureWith("a", "dsa-sha256") << DkimReason::UnsupportedAlgorithm;
    QTest::newRow("bad base64 b") << signatureWith("b", "A*B=") << DkimReason::Syntax;
    QTest::newRow("empty b") << signatureWith("b", "") << DkimReason::Syntax;
    QTest::newRow("bad base64 bh") << signatureWith("bh", "###") << DkimReason::Syntax;
    QTest::newRow("bad canonicalization")
        << signatureWith("c", "relaxed/fancy") << DkimReason::UnsupportedCanonicalization;
    QTest::newRow("upper-case canonicalization")
        << signatureWith("c", "Relaxed") << DkimReason::UnsupportedCanonicalization;
    QTest::newRow("bad domain") << signatureWith("d", "exa..mple.com") << DkimReason::Syntax;
    QTest::newRow("bad selector") << signatureWith("s", "a b") << DkimReason::Syntax;
    QTest::newRow("h without From") << signatureWith("h", "To:Subject") << DkimReason::FromNotSigned;
    QTest::newRow("h with empty name") << signatureWith("h", "From::To") << DkimReason::Syntax;
    QTest::newRow("i without @") << signatureWith("i", "example.com") << DkimReason::Syntax;
    QTest::newRow("i not in d") << signatureWith("i", "joe@example.net") << DkimReason::IdentityNotInDomain;
    QTest::newRow("i suffix but not subdomain")
        << signatureWith("i", "@badexample.com") << DkimReason::IdentityNotInDomain;
    QTest::newRow("l not a number") << signatureWith("l", "12a") << DkimReason::Syntax;
    QTest::newRow("q unsupported") << signatureWith("q", "https/json") << DkimReason::UnsupportedQueryMethod;
    QTest::newRow("t not a number") << signatureWith("t", "soon") << DkimReason::Syntax;
    QTest::newRow("t too long") << signatureWith("t", "1234567890123") << DkimReason::Syntax;
    QTest::newRow("x before t") << QByteArray(ValidSignature + "; t=2000; x=1000") << DkimReason::Syntax;
}

void TestTagList::signatureErrors()
{
    QFETCH(QByteArray, value);
    QFETCH(DkimReason, reason);
    const auto parse = DkimSignature::parse(value);
    QVERIFY(!parse.ok());
    QCOMPARE(parse.reason, reason);
    QVERIFY(!parse.error.isEmpty());
}

void TestTagList::identityMayBeSubdomain()
{
    QVERIFY(DkimSignature::parse(signatureWith("i", "@Mail.Example.COM")).ok());
    QVERIFY(DkimSignature::parse(signatureWith("i", "\"odd@local\"@example.com")).ok());
    QVERIFY(DkimSignature::parse(signatureWith("q", "dns/txt:other/method")).ok());
}

void TestTagList::partialInformationOnError()
{
    const auto parse = DkimSignature::parse(signatureWith("a", "rsa-sha1"));
    QVERIFY(!parse.ok());
    QCOMPARE(parse.signature.domain, QByteArray("example.com"));
    QCOMPARE(parse.signature.selector, QByteArray("sel"));
    QCOMPARE(parse.signature.algorithmName, QByteArray("rsa-sha1"));
    QCOMPARE(parse.signature.signatureBase64, QByteArray("AAAA"));
}

void TestTagList::keyRecordParsed()
{
    const auto parse = DkimKeyRecord::parse("v=DKIM1; k=ed25519; h=sha256; s=email; t=y:s; n=notes here; "
                                            "p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    const DkimKeyRecord& record = parse.record;
    QCOMPARE(record.keyType, QByteArray("ed25519"));
    QCOMPARE(record.publicKey.size(), 32);
    QVERIFY(record.allowsHash("sha256"));
    QVERIFY(record.allowsEmail());
    QVERIFY(record.testing);
    QVERIFY(record.strict);
    QCOMPARE(record.notes, QByteArray("notes here"));
    QVERIFY(!record.isRevoked());
}

void TestTagList::keyRecordDefaults()
{
    const auto parse = DkimKeyRecord::parse("p=AAAA");
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QCOMPARE(parse.record.keyType, QByteArray("rsa"));
    QVERIFY(parse.record.allowsHash("sha256"));
    QVERIFY(parse.record.allowsEmail());
    QVERIFY(!parse.record.testing);
    QVERIFY(!parse.record.strict);
    // Unknown tags and unknown flags are ignored (RFC 6376 3.6.1).
    const auto unknown = DkimKeyRecord::parse("v=DKIM1; foo=bar; t=y:zz; p=AAAA");
    QVERIFY2(unknown.ok(), qPrintable(unknown.error));
    QVERIFY(unknown.record.testing);
}

void TestTagList::keyRecordRevoked()
{
    const auto parse = DkimKeyRecord::parse("v=DKIM1; k=rsa; p=");
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QVERIFY(parse.record.isRevoked());
}

void TestTagList::keyRecordFlags()
{
    const auto restricted = DkimKeyRecord::parse("h=sha1; p=AAAA");
    QVERIFY(restricted.ok());
    QVERIFY(!restricted.record.allowsHash("sha256"));
    const auto both = DkimKeyRecord::parse("h=sha1 : sha256; p=AAAA");
    QVERIFY(both.record.allowsHash("sha256"));
    const auto otherService = DkimKeyRecord::parse("s=tlsrpt; p=AAAA");
    QVERIFY(!otherService.record.allowsEmail());
    const auto star = DkimKeyRecord::parse("s=*; p=AAAA");
    QVERIFY(star.record.allowsEmail());
}

void TestTagList::keyRecordErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("no p") << QByteArray("v=DKIM1; k=rsa");
    QTest::newRow("wrong version") << QByteArray("v=DKIM2; p=AAAA");
    QTest::newRow("v not first") << QByteArray("k=rsa; v=DKIM1; p=AAAA");
    QTest::newRow("bad base64") << QByteArray("v=DKIM1; p=AA*A");
    QTest::newRow("not a tag list") << QByteArray("this is some other TXT record");
    QTest::newRow("duplicate p") << QByteArray("p=AAAA; p=BBBB");
}

void TestTagList::keyRecordErrors()
{
    QFETCH(QByteArray, text);
    const auto parse = DkimKeyRecord::parse(text);
    QVERIFY(!parse.ok());
    QVERIFY(!parse.error.isEmpty());
}

QTEST_GUILESS_MAIN(TestTagList)
#include "tst_taglist.moc"
