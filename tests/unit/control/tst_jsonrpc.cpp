#include "shared/control/JsonRpc.h"
#include "shared/control/RpcError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace pw::control;

namespace {

Message parseOk(const QByteArray& line)
{
    const auto parsed = parseMessage(line);
    if (const auto* failure = std::get_if<ParseFailure>(&parsed)) {
        qWarning() << "unexpected failure:" << failure->error.message << "for" << line.left(200);
        return Message{Message::Kind::Error,
                       {},
                       {},
                       {},
                       {},
                       RpcError{ErrorCode::InternalError, QStringLiteral("!"), {}}};
    }
    return std::get<Message>(parsed);
}

std::optional<ParseFailure> parseFail(const QByteArray& line)
{
    const auto parsed = parseMessage(line);
    if (const auto* failure = std::get_if<ParseFailure>(&parsed))
        return *failure;
    return std::nullopt;
}

QByteArray nested(int depth, const QByteArray& open, const QByteArray& close, const QByteArray& core = "1")
{
    return open.repeated(depth) + core + close.repeated(depth);
}

} // namespace

Q_DECLARE_METATYPE(pw::control::ErrorCode)
Q_DECLARE_METATYPE(pw::control::Message::Kind)

class TestJsonRpc : public QObject
{
    Q_OBJECT

private slots:
    void validMessages_data();
    void validMessages();
    void requestDefaultsParamsToEmptyObject();
    void requestWithNullIdIsARequest();
    void errorObjectIsDecoded();
    void resultMayBeNull();
    void trailingNewlineAndWhitespaceAccepted();

    void malformed_data();
    void malformed();

    void garbageDoesNotCrash_data();
    void garbageDoesNotCrash();
    void randomBytesDoNotCrash();
    void mutatedMessagesDoNotCrash();
    void deepNestingIsRejectedOrAccepted();
    void megabyteString();

    void encodersRoundTrip_data();
    void encodersRoundTrip();
    void encodedLineIsOneLine();
    void encodeErrorRoundTrip();
    void rpcErrorJson();
};

void TestJsonRpc::validMessages_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<Message::Kind>("kind");
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QString>("method");

    QTest::newRow("request, number id")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"status","params":{}})") << Message::Kind::Request
        << QJsonValue(1) << QStringLiteral("status");
    QTest::newRow("request, string id")
        << QByteArray(R"({"jsonrpc":"2.0","id":"abc","method":"logs.tail","params":{"lines":5}})")
        << Message::Kind::Request << QJsonValue(QStringLiteral("abc")) << QStringLiteral("logs.tail");
    QTest::newRow("request, array params")
        << QByteArray(R"({"jsonrpc":"2.0","id":2,"method":"m","params":[1,2]})") << Message::Kind::Request
        << QJsonValue(2) << QStringLiteral("m");
    QTest::newRow("request, fractional id")
        << QByteArray(R"({"jsonrpc":"2.0","id":1.5,"method":"m"})") << Message::Kind::Request
        << QJsonValue(1.5) << QStringLiteral("m");
    QTest::newRow("notification") << QByteArray(
                                         R"({"jsonrpc":"2.0","method":"logs.record","params":{"seq":1}})")
                                  << Message::Kind::Notification << QJsonValue(QJsonValue::Null)
                                  << QStringLiteral("logs.record");
    QTest::newRow("result") << QByteArray(R"({"jsonrpc":"2.0","id":7,"result":{"ok":true}})")
                            << Message::Kind::Result << QJsonValue(7) << QString();
    QTest::newRow("error") << QByteArray(
                                  R"({"jsonrpc":"2.0","id":"x","error":{"code":-32601,"message":"no"}})")
                           << Message::Kind::Error << QJsonValue(QStringLiteral("x")) << QString();
    QTest::newRow("error with null id")
        << QByteArray(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}})")
        << Message::Kind::Error << QJsonValue(QJsonValue::Null) << QString();
    QTest::newRow("members in any order")
        << QByteArray(R"({"method":"m","params":{},"id":3,"jsonrpc":"2.0"})") << Message::Kind::Request
        << QJsonValue(3) << QStringLiteral("m");
    QTest::newRow("unicode method") << QByteArray(R"({"jsonrpc":"2.0","id":4,"method":"caf\u00e9"})")
                                    << Message::Kind::Request << QJsonValue(4) << QStringLiteral("caf\u00e9");
}

void TestJsonRpc::validMessages()
{
    QFETCH(QByteArray, line);
    QFETCH(Message::Kind, kind);
    QFETCH(QJsonValue, id);
    QFETCH(QString, method);

    const auto parsed = parseMessage(line);
    if (const auto* failure = std::get_if<ParseFailure>(&parsed))
        QFAIL(qPrintable(failure->error.message));
    const Message& message = std::get<Message>(parsed);
    QCOMPARE(message.kind, kind);
    QCOMPARE(message.id, id);
    QCOMPARE(message.method, method);
}

void TestJsonRpc::requestDefaultsParamsToEmptyObject()
{
    const Message m = parseOk(R"({"jsonrpc":"2.0","id":1,"method":"status"})");
    QCOMPARE(m.kind, Message::Kind::Request);
    QVERIFY(m.params.isObject());
    QVERIFY(m.params.toObject().isEmpty());

    const Message n = parseOk(R"({"jsonrpc":"2.0","method":"ping"})");
    QCOMPARE(n.kind, Message::Kind::Notification);
    QVERIFY(n.params.isObject());
    QVERIFY(n.id.isNull());
}

void TestJsonRpc::requestWithNullIdIsARequest()
{
    // JSON-RPC 2.0 discourages but allows a null id; only a missing id makes a notification.
    const Message m = parseOk(R"({"jsonrpc":"2.0","id":null,"method":"status"})");
    QCOMPARE(m.kind, Message::Kind::Request);
    QVERIFY(m.id.isNull());
}

void TestJsonRpc::errorObjectIsDecoded()
{
    const Message m = parseOk(
        R"({"jsonrpc":"2.0","id":9,"error":{"code":-32004,"message":"gone","data":{"why":"stopped"}}})");
    QCOMPARE(m.kind, Message::Kind::Error);
    QCOMPARE(m.id, QJsonValue(9));
    QCOMPARE(m.error.code, ErrorCode::Unavailable);
    QCOMPARE(m.error.message, QStringLiteral("gone"));
    QCOMPARE(m.error.data.value(QStringLiteral("why")).toString(), QStringLiteral("stopped"));
}

void TestJsonRpc::resultMayBeNull()
{
    const Message m = parseOk(R"({"jsonrpc":"2.0","id":9,"result":null})");
    QCOMPARE(m.kind, Message::Kind::Result);
    QVERIFY(m.result.isNull());
}

void TestJsonRpc::trailingNewlineAndWhitespaceAccepted()
{
    QCOMPARE(parseOk("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}\n").kind, Message::Kind::Result);
    QCOMPARE(parseOk("  {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}  \r").kind, Message::Kind::Result);
}

void TestJsonRpc::malformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QJsonValue>("id");

    const QJsonValue null(QJsonValue::Null);

    QTest::newRow("empty") << QByteArray() << ErrorCode::ParseError << null;
    QTest::newRow("not JSON") << QByteArray("hello") << ErrorCode::ParseError << null;
    QTest::newRow("truncated object")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x")") << ErrorCode::ParseError << null;
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x"} xyz)") << ErrorCode::ParseError << null;
    QTest::newRow("two objects") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"x"}{"id":2})")
                                 << ErrorCode::ParseError << null;
    QTest::newRow("single quotes") << QByteArray(R"({'jsonrpc':'2.0'})") << ErrorCode::ParseError << null;
    // Valid JSON that is not an object: section 7 of the spec answers "1" with Invalid Request.
    QTest::newRow("JSON array") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"x"}])")
                                << ErrorCode::InvalidRequest << null;
    QTest::newRow("empty array") << QByteArray("[]") << ErrorCode::InvalidRequest << null;
    QTest::newRow("number") << QByteArray("1") << ErrorCode::InvalidRequest << null;
    QTest::newRow("string") << QByteArray(R"("x")") << ErrorCode::InvalidRequest << null;
    QTest::newRow("null") << QByteArray("null") << ErrorCode::InvalidRequest << null;
    QTest::newRow("true with spaces") << QByteArray("  true ") << ErrorCode::InvalidRequest << null;
    QTest::newRow("two scalars") << QByteArray("1,2") << ErrorCode::ParseError << null;
    QTest::newRow("scalar then bracket") << QByteArray("1],[2") << ErrorCode::ParseError << null;
    QTest::newRow("empty object") << QByteArray("{}") << ErrorCode::InvalidRequest << null;

    QTest::newRow("missing jsonrpc") << QByteArray(R"({"id":5,"method":"x"})") << ErrorCode::InvalidRequest
                                     << QJsonValue(5);
    QTest::newRow("missing jsonrpc, string id")
        << QByteArray(R"({"id":"a","method":"x"})") << ErrorCode::InvalidRequest
        << QJsonValue(QStringLiteral("a"));
    QTest::newRow("wrong version") << QByteArray(R"({"jsonrpc":"1.0","id":6,"method":"x"})")
                                   << ErrorCode::InvalidRequest << QJsonValue(6);
    QTest::newRow("version as number")
        << QByteArray(R"({"jsonrpc":2.0,"id":6,"method":"x"})") << ErrorCode::InvalidRequest << QJsonValue(6);
    QTest::newRow("wrong version, bad id")
        << QByteArray(R"({"jsonrpc":"1.0","id":[6],"method":"x"})") << ErrorCode::InvalidRequest << null;
    QTest::newRow("id object") << QByteArray(R"({"jsonrpc":"2.0","id":{"a":1},"method":"x"})")
                               << ErrorCode::InvalidRequest << null;
    QTest::newRow("id array") << QByteArray(R"({"jsonrpc":"2.0","id":[1],"method":"x"})")
                              << ErrorCode::InvalidRequest << null;
    QTest::newRow("id bool") << QByteArray(R"({"jsonrpc":"2.0","id":true,"method":"x"})")
                             << ErrorCode::InvalidRequest << null;
    QTest::newRow("method empty") << QByteArray(R"({"jsonrpc":"2.0","id":8,"method":""})")
                                  << ErrorCode::InvalidRequest << QJsonValue(8);
    QTest::newRow("method number") << QByteArray(R"({"jsonrpc":"2.0","id":8,"method":42})")
                                   << ErrorCode::InvalidRequest << QJsonValue(8);
    QTest::newRow("method null") << QByteArray(R"({"jsonrpc":"2.0","id":"q","method":null})")
                                 << ErrorCode::InvalidRequest << QJsonValue(QStringLiteral("q"));
    QTest::newRow("method object") << QByteArray(R"({"jsonrpc":"2.0","id":8,"method":{}})")
                                   << ErrorCode::InvalidRequest << QJsonValue(8);
    QTest::newRow("params number") << QByteArray(R"({"jsonrpc":"2.0","id":9,"method":"x","params":1})")
                                   << ErrorCode::InvalidRequest << QJsonValue(9);
    QTest::newRow("params string") << QByteArray(R"({"jsonrpc":"2.0","id":9,"method":"x","params":"a"})")
                                   << ErrorCode::InvalidRequest << QJsonValue(9);
    QTest::newRow("params bool") << QByteArray(R"({"jsonrpc":"2.0","id":9,"method":"x","params":false})")
                                 << ErrorCode::InvalidRequest << QJsonValue(9);
    QTest::newRow("params null") << QByteArray(R"({"jsonrpc":"2.0","id":9,"method":"x","params":null})")
                                 << ErrorCode::InvalidRequest << QJsonValue(9);
    QTest::newRow("notification, params scalar")
        << QByteArray(R"({"jsonrpc":"2.0","method":"x","params":3})") << ErrorCode::InvalidRequest << null;
    QTest::newRow("neither method, result nor error")
        << QByteArray(R"({"jsonrpc":"2.0","id":10})") << ErrorCode::InvalidRequest << QJsonValue(10);
    QTest::newRow("error not an object") << QByteArray(R"({"jsonrpc":"2.0","id":11,"error":"bad"})")
                                         << ErrorCode::InvalidRequest << QJsonValue(11);
}

void TestJsonRpc::malformed()
{
    QFETCH(QByteArray, line);
    QFETCH(ErrorCode, code);
    QFETCH(QJsonValue, id);

    const auto failure = parseFail(line);
    QVERIFY2(failure, "a malformed line was accepted");
    QCOMPARE(failure->error.code, code);
    QCOMPARE(failure->id, id);
    QVERIFY(!failure->error.message.isEmpty());
    // Whatever failed, the error must encode into a valid response line.
    const Message reply = parseOk(encodeError(failure->id, failure->error));
    QCOMPARE(reply.kind, Message::Kind::Error);
    QCOMPARE(reply.error.code, code);
    QCOMPARE(reply.id, id);
}

void TestJsonRpc::garbageDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("NUL bytes") << QByteArray("\0\0\0\0", 4);
    QTest::newRow("NUL inside object")
        << QByteArray("{\"jsonrpc\":\"2.0\",") + QByteArray(1, '\0') + "\"id\":1}";
    QTest::newRow("NUL inside string")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a") + QByteArray(1, '\0') + "b\"}";
    QTest::newRow("NUL after object")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}") + QByteArray(1, '\0');
    QTest::newRow("invalid UTF-8 in string")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xff\xfe\"}");
    QTest::newRow("overlong UTF-8") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xc0\xaf\"}");
    QTest::newRow("lone surrogate escape") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"\ud800"})");
    QTest::newRow("invalid UTF-8 outside string") << QByteArray("\xff\xff\xff{}");
    QTest::newRow("truncated UTF-8") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xe2\x82");
    QTest::newRow("high bytes") << QByteArray(256, '\x80');
    QTest::newRow("control chars") << QByteArray("\x01\x02\x03\x1b[2J");
    QTest::newRow("only brackets") << QByteArray("{{{{[[[[");
    QTest::newRow("unbalanced close") << QByteArray("}}}]]]");
    QTest::newRow("huge number") << QByteArray(R"({"jsonrpc":"2.0","id":1e999999,"method":"x"})");
    QTest::newRow("huge exponent id") << QByteArray(R"({"jsonrpc":"2.0","id":-1e308,"result":1})");
    QTest::newRow("bad escape") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"\q"})");
    QTest::newRow("unterminated string") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"abc)");
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}");
    QTest::newRow("deep array") << nested(100000, "[", "]");
    QTest::newRow("deep object") << nested(100000, "{\"a\":", "}");
    QTest::newRow("deep unclosed") << QByteArray(200000, '[');
}

void TestJsonRpc::garbageDoesNotCrash()
{
    QFETCH(QByteArray, line);
    const auto parsed = parseMessage(line);
    if (const auto* failure = std::get_if<ParseFailure>(&parsed)) {
        QVERIFY(failure->error.code == ErrorCode::ParseError ||
                failure->error.code == ErrorCode::InvalidRequest);
        QVERIFY(failure->id.isNull() || failure->id.isDouble() || failure->id.isString());
    } else {
        // Only well-formed messages get through; their method is never empty.
        const Message& message = std::get<Message>(parsed);
        if (message.kind == Message::Kind::Request || message.kind == Message::Kind::Notification)
            QVERIFY(!message.method.isEmpty());
    }
}

void TestJsonRpc::randomBytesDoNotCrash()
{
    QRandomGenerator random(20240611); // fixed seed: the same lines on every run
    for (int i = 0; i < 3000; ++i) {
        QByteArray line(random.bounded(0, 300), Qt::Uninitialized);
        for (char& c : line)
            c = static_cast<char>(random.bounded(256));
        const auto parsed = parseMessage(line);
        if (const auto* failure = std::get_if<ParseFailure>(&parsed))
            QVERIFY(failure->error.code == ErrorCode::ParseError ||
                    failure->error.code == ErrorCode::InvalidRequest);
    }
}

void TestJsonRpc::mutatedMessagesDoNotCrash()
{
    const QByteArray seed =
        R"({"jsonrpc":"2.0","id":12,"method":"logs.subscribe","params":{"backlog":5,"level":"info","x":[1,"a",null]}})";
    const QByteArray alphabet = QByteArrayLiteral("{}[]\":,0123456789.-eE \\ntruefalsnul\x00\xff\xc3");
    QRandomGenerator random(42);
    int accepted = 0;
    for (int i = 0; i < 5000; ++i) {
        QByteArray line = seed;
        const int edits = random.bounded(1, 6);
        for (int e = 0; e < edits; ++e) {
            const int position = random.bounded(static_cast<int>(line.size()));
            switch (random.bounded(3)) {
            case 0:
                line[position] = alphabet.at(random.bounded(static_cast<int>(alphabet.size())));
                break;
            case 1:
                line.remove(position, random.bounded(1, 8));
                break;
            default:
                line.insert(position, alphabet.at(random.bounded(static_cast<int>(alphabet.size()))));
                break;
            }
            if (line.isEmpty())
                line = "x";
        }
        const auto parsed = parseMessage(line);
        if (const auto* message = std::get_if<Message>(&parsed)) {
            ++accepted;
            QVERIFY(message->id.isNull() || message->id.isDouble() || message->id.isString());
            if (message->kind == Message::Kind::Request || message->kind == Message::Kind::Notification) {
                QVERIFY(!message->method.isEmpty());
                QVERIFY(message->params.isObject() || message->params.isArray());
            }
        } else {
            const ParseFailure& failure = std::get<ParseFailure>(parsed);
            QVERIFY(failure.error.code == ErrorCode::ParseError ||
                    failure.error.code == ErrorCode::InvalidRequest);
        }
    }
    QVERIFY(accepted > 0); // the mutations leave some lines valid, so both paths ran
}

void TestJsonRpc::deepNestingIsRejectedOrAccepted()
{
    // Moderate nesting inside params is a valid request.
    const QByteArray moderate =
        R"({"jsonrpc":"2.0","id":1,"method":"x","params":)" + nested(200, "[", "]") + "}";
    const Message m = parseOk(moderate);
    QCOMPARE(m.kind, Message::Kind::Request);
    QVERIFY(m.params.isArray());

    // Absurd nesting is refused as a parse error, without blowing the stack.
    const QByteArray deep =
        R"({"jsonrpc":"2.0","id":1,"method":"x","params":)" + nested(50000, "{\"a\":", "}") + "}";
    const auto failure = parseFail(deep);
    QVERIFY(failure);
    QCOMPARE(failure->error.code, ErrorCode::ParseError);
    QVERIFY(failure->id.isNull());
}

void TestJsonRpc::megabyteString()
{
    const QString big(1024 * 1024, QLatin1Char('a'));
    const QByteArray line =
        encodeRequest(77, QStringLiteral("echo"), QJsonObject{{QStringLiteral("s"), big}});
    QVERIFY(line.size() > 1024 * 1024);
    const Message m = parseOk(line);
    QCOMPARE(m.kind, Message::Kind::Request);
    QCOMPARE(m.id, QJsonValue(77));
    QCOMPARE(m.params.toObject().value(QStringLiteral("s")).toString().size(), big.size());

    // A megabyte of a method name, and a megabyte of an unterminated string.
    QCOMPARE(parseOk(encodeNotification(big, QJsonObject())).method.size(), big.size());
    const QByteArray unterminated = R"({"jsonrpc":"2.0","id":1,"method":")" + QByteArray(1024 * 1024, 'b');
    const auto failure = parseFail(unterminated);
    QVERIFY(failure);
    QCOMPARE(failure->error.code, ErrorCode::ParseError);

    // A megabyte of plain garbage.
    const auto garbage = parseFail(QByteArray(1024 * 1024, 'z'));
    QVERIFY(garbage);
    QCOMPARE(garbage->error.code, ErrorCode::ParseError);
}

void TestJsonRpc::encodersRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonValue>("payload");

    QTest::newRow("number id, object")
        << QJsonValue(1) << QStringLiteral("status") << QJsonValue(QJsonObject());
    QTest::newRow("big id") << QJsonValue(qint64(1) << 52) << QStringLiteral("m")
                            << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}});
    QTest::newRow("string id, array") << QJsonValue(QStringLiteral("req-1")) << QStringLiteral("logs.tail")
                                      << QJsonValue(QJsonArray{1, QStringLiteral("two"), QJsonValue::Null});
    QTest::newRow("escapes") << QJsonValue(QStringLiteral("id\n\"\\")) << QStringLiteral("a\nb\tc\"d")
                             << QJsonValue(QJsonObject{
                                    {QStringLiteral("line\nbreak"), QStringLiteral("\r\n\u0001")}});
    QTest::newRow("unicode") << QJsonValue(QStringLiteral("\u00fc\u4e2d")) << QStringLiteral("m\u00e9thode")
                             << QJsonValue(QJsonObject{{QStringLiteral("k"), QStringLiteral("\U0001F600")}});
    QTest::newRow("nested") << QJsonValue(3) << QStringLiteral("x")
                            << QJsonValue(QJsonObject{
                                   {QStringLiteral("a"),
                                    QJsonObject{{QStringLiteral("b"), QJsonArray{true, false}}}}});
}

void TestJsonRpc::encodersRoundTrip()
{
    QFETCH(QJsonValue, id);
    QFETCH(QString, method);
    QFETCH(QJsonValue, payload);

    const Message request = parseOk(encodeRequest(id, method, payload));
    QCOMPARE(request.kind, Message::Kind::Request);
    QCOMPARE(request.id, id);
    QCOMPARE(request.method, method);
    QCOMPARE(request.params, payload);

    const Message notification = parseOk(encodeNotification(method, payload));
    QCOMPARE(notification.kind, Message::Kind::Notification);
    QVERIFY(notification.id.isNull());
    QCOMPARE(notification.method, method);
    QCOMPARE(notification.params, payload);

    const Message result = parseOk(encodeResult(id, payload));
    QCOMPARE(result.kind, Message::Kind::Result);
    QCOMPARE(result.id, id);
    QCOMPARE(result.result, payload);

    // Scalars and null are valid results too.
    QCOMPARE(parseOk(encodeResult(id, QJsonValue(QJsonValue::Null))).kind, Message::Kind::Result);
    QCOMPARE(parseOk(encodeResult(id, QJsonValue(42))).result, QJsonValue(42));
    QCOMPARE(parseOk(encodeResult(id, QJsonValue(method))).result, QJsonValue(method));
}

void TestJsonRpc::encodedLineIsOneLine()
{
    const QJsonObject params{{QStringLiteral("text"), QStringLiteral("a\nb\r\nc")}};
    for (const QByteArray& line :
         {encodeRequest(1, QStringLiteral("m\n"), params), encodeNotification(QStringLiteral("n"), params),
          encodeResult(QStringLiteral("x\n"), params),
          encodeError(2, RpcError{ErrorCode::Failed, QStringLiteral("multi\nline"), params})}) {
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        QVERIFY(!line.contains('\r'));
        const QJsonDocument document = QJsonDocument::fromJson(line);
        QVERIFY(document.isObject());
        QCOMPARE(document.object().value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
    }
    // A notification carries no id member at all (JSON-RPC 2.0 section 4.1).
    QVERIFY(!QJsonDocument::fromJson(encodeNotification(QStringLiteral("n"), params))
                 .object()
                 .contains(QStringLiteral("id")));
}

void TestJsonRpc::encodeErrorRoundTrip()
{
    const RpcError error{ErrorCode::NotFound, QStringLiteral("no such domain"),
                         QJsonObject{{QStringLiteral("domain"), QStringLiteral("example.org")}}};
    for (const QJsonValue& id :
         {QJsonValue(5), QJsonValue(QStringLiteral("five")), QJsonValue(QJsonValue::Null)}) {
        const Message m = parseOk(encodeError(id, error));
        QCOMPARE(m.kind, Message::Kind::Error);
        QCOMPARE(m.id, id);
        QCOMPARE(m.error.code, error.code);
        QCOMPARE(m.error.message, error.message);
        QCOMPARE(m.error.data, error.data);
    }
    const QJsonObject object = QJsonDocument::fromJson(encodeError(1, error)).object();
    QCOMPARE(object.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32001);
}

void TestJsonRpc::rpcErrorJson()
{
    // The numbers are part of the protocol: scripts match on them.
    QCOMPARE(static_cast<int>(ErrorCode::ParseError), -32700);
    QCOMPARE(static_cast<int>(ErrorCode::InvalidRequest), -32600);
    QCOMPARE(static_cast<int>(ErrorCode::MethodNotFound), -32601);
    QCOMPARE(static_cast<int>(ErrorCode::InvalidParams), -32602);
    QCOMPARE(static_cast<int>(ErrorCode::InternalError), -32603);
    QCOMPARE(static_cast<int>(ErrorCode::Unavailable), -32004);
    QCOMPARE(static_cast<int>(ErrorCode::Timeout), -32005);

    const RpcError plain{ErrorCode::Timeout, QStringLiteral("slow"), {}};
    const QJsonObject json = plain.toJson();
    QVERIFY(!json.contains(QStringLiteral("data"))); // empty data is left out
    QCOMPARE(json.value(QStringLiteral("code")).toInt(), -32005);
    const RpcError back = RpcError::fromJson(json);
    QCOMPARE(back.code, plain.code);
    QCOMPARE(back.message, plain.message);
    QVERIFY(back.data.isEmpty());
}

QTEST_GUILESS_MAIN(TestJsonRpc)
#include "tst_jsonrpc.moc"
