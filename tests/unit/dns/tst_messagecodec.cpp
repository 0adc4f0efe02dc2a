// MessageCodec: the query's exact wire form, and reading responses built byte by byte.

#include "shared/dns/MessageCodec.h"

#include <QTest>
#include <QtEndian>

using namespace pw::dns;

namespace {

// Builds DNS messages for the tests, independently of ldns.
class Wire
{
public:
    Wire& u8(quint8 value)
    {
        m_bytes.append(static_cast<char>(value));
        return *this;
    }
    Wire& u16(quint16 value) { return u8(value >> 8).u8(value & 0xff); }
    Wire& u32(quint32 value) { return u16(value >> 16).u16(value & 0xffff); }
    Wire& bytes(const QByteArray& value)
    {
        m_bytes.append(value);
        return *this;
    }
    Wire& name(const QByteArray& dotted)
    {
        for (const QByteArray& label : dotted.split('.')) {
            if (!label.isEmpty())
                u8(static_cast<quint8>(label.size())).bytes(label);
        }
        return u8(0);
    }
    Wire& pointer(quint16 offset) { return u16(0xc000 | offset); }
    Wire& header(quint16 id, quint16 flags, quint16 qd, quint16 an, quint16 ns, quint16 ar)
    {
        return u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
    }
    // A record whose owner is a pointer to the question name (offset 12).
    Wire& rrAtQuestion(quint16 type, quint32 ttl, const QByteArray& rdata)
    {
        return pointer(12).u16(type).u16(1).u32(ttl).u16(static_cast<quint16>(rdata.size())).bytes(rdata);
    }
    [[nodiscard]] QByteArray data() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

constexpr quint16 kQr = 0x8000;
constexpr quint16 kAa = 0x0400;
constexpr quint16 kTc = 0x0200;
constexpr quint16 kRd = 0x0100;
constexpr quint16 kRa = 0x0080;
constexpr quint16 kAd = 0x0020;

QByteArray txtRdata(const QList<QByteArray>& strings)
{
    QByteArray rdata;
    for (const QByteArray& s : strings)
        rdata.append(static_cast<char>(s.size())).append(s);
    return rdata;
}

} // namespace

class TestMessageCodec : public QObject
{
    Q_OBJECT

private slots:
    void queryWireForm();
    void queryRejectsBadName();
    void decodesAnswerWithCompression();
    void decodesHeaderBits();
    void decodesAuthoritySoa();
    void decodesMxSrvTlsaPtr();
    void skipsUnknownTypes();
    void escapesOddLabelBytes();
    void rejectsMalformed_data();
    void rejectsMalformed();
};

void TestMessageCodec::queryWireForm()
{
    const auto query = MessageCodec::encodeQuery(QStringLiteral("example.com"), RecordType::MX, 0xbeef);
    QVERIFY(query);
    const QByteArray expected = Wire()
                                    .header(0xbeef, kRd | kAd, 1, 0, 0, 1)
                                    .name("example.com")
                                    .u16(15)
                                    .u16(1)
                                    // OPT: root owner, payload 1232, no extended rcode, version 0,
                                    // DO clear, no options (RFC 6891 6.1.2)
                                    .u8(0)
                                    .u16(41)
                                    .u16(1232)
                                    .u32(0)
                                    .u16(0)
                                    .data();
    QCOMPARE(query->toHex(), expected.toHex());
}

void TestMessageCodec::queryRejectsBadName()
{
    QString error;
    QVERIFY(!MessageCodec::encodeQuery(QString(70, QLatin1Char('a')) + QStringLiteral(".com"), RecordType::A,
                                       1, &error));
    QVERIFY(!error.isEmpty());
}

void TestMessageCodec::decodesAnswerWithCompression()
{
    const QByteArray wire = Wire()
                                .header(0x1234, kQr | kRd | kRa, 1, 3, 0, 0)
                                .name("example.com")
                                .u16(16)
                                .u16(1)
                                .rrAtQuestion(16, 300, txtRdata({"v=spf1 ", "-all"}))
                                .rrAtQuestion(1, 60, QByteArray::fromHex("c0000201"))
                                .rrAtQuestion(28, 60, QByteArray::fromHex("20010db8000000000000000000000001"))
                                .data();
    QString error;
    const auto response = MessageCodec::decodeResponse(wire, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->id, quint16(0x1234));
    QVERIFY(response->isResponse);
    QVERIFY(response->hasQuestion);
    QCOMPARE(response->questionName, QStringLiteral("example.com"));
    QCOMPARE(response->questionType, quint16(16));
    QCOMPARE(response->questionClass, quint16(1));
    QCOMPARE(response->answers.size(), 3);

    const Record& txt = response->answers.at(0);
    QCOMPARE(txt.owner, QStringLiteral("example.com"));
    QCOMPARE(txt.type, RecordType::TXT);
    QCOMPARE(txt.ttl, 300u);
    QCOMPARE(txt.text, QStringLiteral("v=spf1 -all"));
    QCOMPARE(txt.strings, (QList<QByteArray>{"v=spf1 ", "-all"}));
    QCOMPARE(response->answers.at(1).address, QHostAddress(QStringLiteral("192.0.2.1")));
    QCOMPARE(response->answers.at(2).address, QHostAddress(QStringLiteral("2001:db8::1")));
}

void TestMessageCodec::decodesHeaderBits()
{
    const QByteArray wire =
        Wire().header(7, kQr | kTc | kAd | 3, 1, 0, 0, 0).name("x.example").u16(1).u16(1).data();
    const auto response = MessageCodec::decodeResponse(wire);
    QVERIFY(response);
    QVERIFY(response->truncated);
    QVERIFY(response->authenticData);
    QCOMPARE(response->rcode, quint8(3));
    QVERIFY(response->answers.isEmpty());
    QVERIFY(!response->authoritySoa);
}

void TestMessageCodec::decodesAuthoritySoa()
{
    const QByteArray soaRdata = Wire()
                                    .name("ns1.example.com")
                                    .name("hostmaster.example.com")
                                    .u32(2024010101)
                                    .u32(3600)
                                    .u32(600)
                                    .u32(86400)
                                    .u32(120)
                                    .data();
    const QByteArray wire = Wire()
                                .header(9, kQr | kAa | 3, 1, 0, 1, 0)
                                .name("nothing.example.com")
                                .u16(1)
                                .u16(1)
                                .name("example.com")
                                .u16(6)
                                .u16(1)
                                .u32(900)
                                .u16(static_cast<quint16>(soaRdata.size()))
                                .bytes(soaRdata)
                                .data();
    QString error;
    const auto response = MessageCodec::decodeResponse(wire, &error);
    QVERIFY2(response, qPrintable(error));
    QVERIFY(response->authoritySoa);
    QCOMPARE(response->authoritySoa->owner, QStringLiteral("example.com"));
    QCOMPARE(response->authoritySoa->ttl, 900u);
    QCOMPARE(response->authoritySoa->soa.primaryServer, QStringLiteral("ns1.example.com"));
    QCOMPARE(response->authoritySoa->soa.responsibleMailbox, QStringLiteral("hostmaster.example.com"));
    QCOMPARE(response->authoritySoa->soa.serial, 2024010101u);
    QCOMPARE(response->authoritySoa->soa.minimum, 120u);
}

void TestMessageCodec::decodesMxSrvTlsaPtr()
{
    const QByteArray wire =
        Wire()
            .header(1, kQr, 1, 4, 0, 0)
            .name("example.com")
            .u16(15)
            .u16(1)
            .rrAtQuestion(15, 60, Wire().u16(10).name("mx.example.com").data())
            .rrAtQuestion(33, 60, Wire().u16(1).u16(2).u16(25).name("smtp.example.com").data())
            .rrAtQuestion(52, 60, Wire().u8(3).u8(1).u8(1).bytes(QByteArray::fromHex("abcdef")).data())
            .rrAtQuestion(12, 60, Wire().name("host.example.com").data())
            .data();
    QString error;
    const auto response = MessageCodec::decodeResponse(wire, &error);
    QVERIFY2(response, qPrintable(error));
    QCOMPARE(response->answers.size(), 4);
    QCOMPARE(response->answers.at(0).preference, quint16(10));
    QCOMPARE(response->answers.at(0).exchange, QStringLiteral("mx.example.com"));
    QCOMPARE(response->answers.at(1).srv.priority, quint16(1));
    QCOMPARE(response->answers.at(1).srv.weight, quint16(2));
    QCOMPARE(response->answers.at(1).srv.port, quint16(25));
    QCOMPARE(response->answers.at(1).srv.target, QStringLiteral("smtp.example.com"));
    QCOMPARE(response->answers.at(2).tlsa.usage, quint8(3));
    QCOMPARE(response->answers.at(2).tlsa.data, QByteArray::fromHex("abcdef"));
    QCOMPARE(response->answers.at(3).target, QStringLiteral("host.example.com"));
}

void TestMessageCodec::skipsUnknownTypes()
{
    const QByteArray wire = Wire()
                                .header(1, kQr, 1, 2, 0, 0)
                                .name("example.com")
                                .u16(1)
                                .u16(1)
                                .rrAtQuestion(13, 60, txtRdata({"PC", "Linux"})) // HINFO
                                .rrAtQuestion(1, 60, QByteArray::fromHex("c0000201"))
                                .data();
    const auto response = MessageCodec::decodeResponse(wire);
    QVERIFY(response);
    QCOMPARE(response->answers.size(), 1);
    QCOMPARE(response->answers.first().type, RecordType::A);
}

void TestMessageCodec::escapesOddLabelBytes()
{
    const QByteArray wire = Wire()
                                .header(1, kQr, 1, 0, 0, 0)
                                .u8(3)
                                .bytes(QByteArray("a.b", 3))
                                .u8(3)
                                .bytes(QByteArray("c d", 3))
                                .u8(0)
                                .u16(1)
                                .u16(1)
                                .data();
    const auto response = MessageCodec::decodeResponse(wire);
    QVERIFY(response);
    QCOMPARE(response->questionName, QStringLiteral("a\\.b.c\\032d"));
}

void TestMessageCodec::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    const QByteArray good = Wire()
                                .header(1, kQr, 1, 1, 0, 0)
                                .name("example.com")
                                .u16(1)
                                .u16(1)
                                .rrAtQuestion(1, 60, QByteArray::fromHex("c0000201"))
                                .data();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short header") << good.left(8);
    QTest::newRow("cut in the answer") << good.chopped(2);
    QTest::newRow("A with 3 bytes") << Wire()
                                           .header(1, kQr, 1, 1, 0, 0)
                                           .name("example.com")
                                           .u16(1)
                                           .u16(1)
                                           .rrAtQuestion(1, 60, "\x01\x02\x03")
                                           .data();
    QTest::newRow("pointer loop") << Wire().header(1, kQr, 1, 0, 0, 0).pointer(12).u16(1).u16(1).data();
}

void TestMessageCodec::rejectsMalformed()
{
    QFETCH(QByteArray, wire);
    QString error;
    QVERIFY(!MessageCodec::decodeResponse(wire, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageCodec)
#include "tst_messagecodec.moc"
