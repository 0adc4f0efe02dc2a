#include "service/control/ControlConnection.h"
#include "service/control/ControlServer.h"
#include "service/control/LogMethods.h"
#include "service/control/MethodTable.h"
#include "service/core/LogHub.h"
#include "shared/control/ControlClient.h"
#include "shared/control/JsonRpc.h"
#include "shared/core/LogRecord.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <memory>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

using namespace pw;
using control::ControlClient;
using control::ErrorCode;
using control::Reply;
using service::ControlServer;
using service::LogHub;
using service::Responder;

namespace {

constexpr int kWaitMs = 5000;
constexpr qsizetype kMaxRequestSize = 1024 * 1024; // ControlConnection's limit

// What a ControlClient callback saw.
struct Outcome
{
    int calls = 0;
    Reply reply;
};

// A client that speaks raw bytes, for what ControlClient would never send.
class RawClient
{
public:
    explicit RawClient(const QString& path)
    {
        QObject::connect(&m_socket, &QLocalSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        m_socket.connectToServer(path);
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return isConnected(); }, kWaitMs);
    }
    bool isConnected() const { return m_socket.state() == QLocalSocket::ConnectedState; }
    bool waitDisconnected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QLocalSocket::UnconnectedState; },
                               kWaitMs);
    }
    void write(const QByteArray& bytes) { m_socket.write(bytes); }
    bool waitForLines(qsizetype count)
    {
        return QTest::qWaitFor([this, count] { return m_received.count('\n') >= count; }, kWaitMs);
    }
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray& line : m_received.split('\n')) {
            if (!line.isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        }
        return objects;
    }
    const QByteArray& received() const { return m_received; }

private:
    QLocalSocket m_socket;
    QByteArray m_received;
};

int errorCode(const QJsonObject& response)
{
    return response.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt();
}

} // namespace

class TestControlServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void socketFileIsPrivate();
    void listenReplacesStaleSocket();
    void listenFailsInMissingDirectory();
    void callGetsResult();
    void handlerErrorReachesClient();
    void unknownMethod();
    void positionalParamsAreRejected();
    void deferredAnswer();
    void callTimeout();
    void lateAnswerAfterTimeoutIsDropped();
    void callbackDroppedWithContext();
    void callWhileDisconnected();
    void connectToMissingSocketFails();
    void garbageGetsParseErrors();
    void oversizedRequestClosesOnlyThatConnection();
    void hugeCallFromClientFailsCleanly();
    void logNotificationsReachSubscribersOnly();
    void logMethodsValidateParams();
    void serverCloseFailsPendingCalls();
    void responderOutlivesConnection();
    void autoReconnect();
    void partialLineDoesNotLeakIntoNextConnection();

private:
    std::shared_ptr<Outcome> call(ControlClient& client, const QString& method,
                                  const QJsonObject& params = {}, int timeoutMs = 30000);
    bool waitFor(const std::shared_ptr<Outcome>& outcome);
    bool connectClient(ControlClient& client);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LogHub> m_log;
    std::unique_ptr<ControlServer> m_server;
    std::vector<Responder> m_held; // requests answered later by the test itself
    QString m_path;
};

void TestControlServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("control.sock"));
    m_log = std::make_unique<LogHub>(1000);
    m_server = std::make_unique<ControlServer>();
    m_held.clear();

    service::MethodTable& methods = m_server->methods();
    methods.add(QStringLiteral("echo"), [](const QJsonObject& params, const Responder& respond) {
        respond.result(QJsonObject{{QStringLiteral("echo"), params}});
    });
    methods.add(QStringLiteral("fail"), [](const QJsonObject&, const Responder& respond) {
        respond.error(ErrorCode::NotFound, QStringLiteral("no such thing"),
                      QJsonObject{{QStringLiteral("what"), QStringLiteral("thing")}});
    });
    methods.add(QStringLiteral("later"),
                [this](const QJsonObject&, const Responder& respond) { m_held.push_back(respond); });
    methods.add(QStringLiteral("never"), [](const QJsonObject&, const Responder&) {});
    service::registerLogMethods(methods, *m_log);
    connect(m_log.get(), &LogHub::recordAdded, m_server.get(), &ControlServer::broadcastLog);

    QString error;
    QVERIFY2(m_server->listen(m_path, &error), qPrintable(error));
}

void TestControlServer::cleanup()
{
    m_held.clear();
    m_server.reset();
    m_log.reset();
    m_dir.reset();
}

std::shared_ptr<Outcome> TestControlServer::call(ControlClient& client, const QString& method,
                                                 const QJsonObject& params, int timeoutMs)
{
    auto outcome = std::make_shared<Outcome>();
    client.call(
        method, params, this,
        [outcome](const Reply& reply) {
            ++outcome->calls;
            outcome->reply = reply;
        },
        timeoutMs);
    return outcome;
}

bool TestControlServer::waitFor(const std::shared_ptr<Outcome>& outcome)
{
    return QTest::qWaitFor([&outcome] { return outcome->calls > 0; }, kWaitMs);
}

bool TestControlServer::connectClient(ControlClient& client)
{
    client.setSocketPath(m_path);
    client.connectToService();
    return QTest::qWaitFor([&client] { return client.isConnected(); }, kWaitMs);
}

void TestControlServer::socketFileIsPrivate()
{
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &info), 0);
    QVERIFY(S_ISSOCK(info.st_mode));
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QCOMPARE(info.st_uid, ::geteuid());
    QCOMPARE(m_server->path(), m_path);
}

void TestControlServer::listenReplacesStaleSocket()
{
    // A killed service leaves its socket file behind; nothing listens on it any more.
    const QString stalePath = m_dir->filePath(QStringLiteral("stale.sock"));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(stalePath);
    QVERIFY(size_t(encoded.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(stalePath));

    ControlServer server;
    server.methods().add(QStringLiteral("echo"),
                         [](const QJsonObject&, const Responder& respond) { respond.result(true); });
    QString error;
    QVERIFY2(server.listen(stalePath, &error), qPrintable(error));
    ControlClient client;
    client.setSocketPath(stalePath);
    client.connectToService();
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), kWaitMs);
    const auto outcome = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(outcome));
    QVERIFY(outcome->reply.ok);
}

void TestControlServer::listenFailsInMissingDirectory()
{
    ControlServer server;
    QString error;
    QVERIFY(!server.listen(m_dir->filePath(QStringLiteral("no/such/dir/control.sock")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(server.listen(m_dir->filePath(QStringLiteral("second.sock")), nullptr)); // error is optional
}

void TestControlServer::callGetsResult()
{
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    QSignalSpy rejected(m_server.get(), &ControlServer::peerRejected);
    QVERIFY(connectClient(client));
    QCOMPARE(connected.count(), 1);

    const QJsonObject params{{QStringLiteral("text"), QStringLiteral("h\u00e9llo\nworld")},
                             {QStringLiteral("list"), QJsonArray{1, 2, 3}}};
    const auto outcome = call(client, QStringLiteral("echo"), params);
    QVERIFY(waitFor(outcome));
    QVERIFY2(outcome->reply.ok, qPrintable(outcome->reply.error.message));
    QCOMPARE(outcome->reply.result.toObject().value(QStringLiteral("echo")).toObject(), params);
    QCOMPARE(m_server->connectionCount(), qsizetype(1));
    QCOMPARE(rejected.count(), 0); // our own uid is welcome

    // Several calls in flight come back to the right callbacks.
    std::vector<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 20; ++i)
        outcomes.push_back(call(client, QStringLiteral("echo"), QJsonObject{{QStringLiteral("i"), i}}));
    for (int i = 0; i < 20; ++i) {
        QVERIFY(waitFor(outcomes[i]));
        QCOMPARE(outcomes[i]->calls, 1);
        QCOMPARE(outcomes[i]
                     ->reply.result.toObject()
                     .value(QStringLiteral("echo"))
                     .toObject()
                     .value(QStringLiteral("i"))
                     .toInt(),
                 i);
    }
    QCOMPARE(outcome->calls, 1);
}

void TestControlServer::handlerErrorReachesClient()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    const auto outcome = call(client, QStringLiteral("fail"));
    QVERIFY(waitFor(outcome));
    QVERIFY(!outcome->reply.ok);
    QCOMPARE(outcome->reply.error.code, ErrorCode::NotFound);
    QCOMPARE(outcome->reply.error.message, QStringLiteral("no such thing"));
    QCOMPARE(outcome->reply.error.data.value(QStringLiteral("what")).toString(), QStringLiteral("thing"));
}

void TestControlServer::unknownMethod()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    const auto outcome = call(client, QStringLiteral("no.such.method"));
    QVERIFY(waitFor(outcome));
    QVERIFY(!outcome->reply.ok);
    QCOMPARE(outcome->reply.error.code, ErrorCode::MethodNotFound);
    QVERIFY(outcome->reply.error.message.contains(QStringLiteral("no.such.method")));

    // The connection is still good.
    const auto next = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(next));
    QVERIFY(next->reply.ok);
}

void TestControlServer::positionalParamsAreRejected()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    auto outcome = std::make_shared<Outcome>();
    client.call(QStringLiteral("echo"), QJsonArray{1, 2}, this, [outcome](const Reply& reply) {
        ++outcome->calls;
        outcome->reply = reply;
    });
    QVERIFY(waitFor(outcome));
    QCOMPARE(outcome->reply.error.code, ErrorCode::InvalidParams);
}

void TestControlServer::deferredAnswer()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    const auto first = call(client, QStringLiteral("later"));
    const auto second = call(client, QStringLiteral("later"));
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), size_t(2), kWaitMs);

    // A quick call is not held up by the pending ones.
    const auto quick = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(quick));
    QCOMPARE(first->calls, 0);
    QCOMPARE(second->calls, 0);

    // Answered out of order, each reply finds its own call.
    m_held.at(1).result(QStringLiteral("second"));
    QVERIFY(waitFor(second));
    m_held.at(0).error(ErrorCode::Failed, QStringLiteral("first failed"));
    QVERIFY(waitFor(first));
    QVERIFY(second->reply.ok);
    QCOMPARE(second->reply.result.toString(), QStringLiteral("second"));
    QVERIFY(!first->reply.ok);
    QCOMPARE(first->reply.error.code, ErrorCode::Failed);
    QVERIFY(m_held.at(0).connection() != nullptr);
}

void TestControlServer::callTimeout()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    QElapsedTimer elapsed;
    elapsed.start();
    const auto outcome = call(client, QStringLiteral("never"), {}, 100);
    QVERIFY(waitFor(outcome));
    QVERIFY(elapsed.elapsed() >= 100);
    QVERIFY(!outcome->reply.ok);
    QCOMPARE(outcome->reply.error.code, ErrorCode::Timeout);
    QCOMPARE(outcome->calls, 1);
    QVERIFY(client.isConnected()); // a slow method is not a lost connection
}

void TestControlServer::lateAnswerAfterTimeoutIsDropped()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    const auto outcome = call(client, QStringLiteral("later"), {}, 100);
    QVERIFY(waitFor(outcome));
    QCOMPARE(outcome->reply.error.code, ErrorCode::Timeout);
    QCOMPARE(m_held.size(), size_t(1));

    m_held.front().result(QStringLiteral("too late"));
    const auto next = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(next)); // the late reply was read before this one
    QVERIFY(next->reply.ok);
    QCOMPARE(outcome->calls, 1);
    QCOMPARE(outcome->reply.error.code, ErrorCode::Timeout);
}

void TestControlServer::callbackDroppedWithContext()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    auto context = std::make_unique<QObject>();
    int calls = 0;
    client.call(QStringLiteral("later"), {}, context.get(), [&calls](const Reply&) { ++calls; });
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), size_t(1), kWaitMs);
    context.reset();
    m_held.front().result(true);
    const auto next = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(next));
    QCOMPARE(calls, 0);
}

void TestControlServer::callWhileDisconnected()
{
    ControlClient client;
    client.setSocketPath(m_path);
    bool calledSynchronously = false;
    const auto outcome = call(client, QStringLiteral("echo"));
    calledSynchronously = outcome->calls > 0;
    QVERIFY(!calledSynchronously); // delivered from the event loop, as when connected
    QVERIFY(waitFor(outcome));
    QCOMPARE(outcome->calls, 1);
    QCOMPARE(outcome->reply.error.code, ErrorCode::Unavailable);
}

void TestControlServer::connectToMissingSocketFails()
{
    ControlClient client;
    QSignalSpy failed(&client, &ControlClient::connectionFailed);
    QSignalSpy connected(&client, &ControlClient::connected);
    client.setSocketPath(m_dir->filePath(QStringLiteral("nobody.sock")));
    client.connectToService();
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, kWaitMs);
    QCOMPARE(connected.count(), 0);
    QVERIFY(!client.lastError().isEmpty());

    const auto outcome = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(outcome));
    QCOMPARE(outcome->reply.error.code, ErrorCode::Unavailable);
    QCOMPARE(outcome->reply.error.message, client.lastError());
}

void TestControlServer::garbageGetsParseErrors()
{
    RawClient raw(m_path);
    QVERIFY(raw.waitConnected());
    const QList<QByteArray> input = {
        "this is not json",                                         // 1: parse error
        QByteArray("\0\xff\xfe garbage", 12),                       // 2: parse error
        "[1,2,3]",                                                  // 3: invalid request
        "",                                                         // blank lines: no answer
        "\r",                                                       //
        "    ",                                                     //
        R"({"jsonrpc":"2.0","id":5,"method":""})",                  // 4: invalid request, id 5
        R"({"jsonrpc":"1.0","id":"s","method":"echo"})",            // 5: invalid request, id "s"
        R"({"jsonrpc":"2.0","id":7,"method":"echo","params":[1]})", // 6: invalid params, id 7
        R"({"jsonrpc":"2.0","method":"no.such.notification"})",     // notification: no answer
        R"({"jsonrpc":"2.0","id":99,"result":1})",                  // a response: no answer
        QByteArray(R"({"jsonrpc":"2.0","id":8,"method":"echo","params":{"a":1}})") + '\r', // 7: result, CRLF
    };
    raw.write(input.join('\n') + '\n');
    QVERIFY(raw.waitForLines(7));
    QTest::qWait(50); // nothing else should trickle in
    const QList<QJsonObject> replies = raw.lines();
    QCOMPARE(replies.size(), 7);

    QCOMPARE(errorCode(replies[0]), int(ErrorCode::ParseError));
    QVERIFY(replies[0].value(QStringLiteral("id")).isNull());
    QVERIFY(replies[0].contains(QStringLiteral("id"))); // present and null, as JSON-RPC requires
    QCOMPARE(errorCode(replies[1]), int(ErrorCode::ParseError));
    QCOMPARE(errorCode(replies[2]), int(ErrorCode::InvalidRequest));
    QCOMPARE(errorCode(replies[3]), int(ErrorCode::InvalidRequest));
    QCOMPARE(replies[3].value(QStringLiteral("id")), QJsonValue(5));
    QCOMPARE(errorCode(replies[4]), int(ErrorCode::InvalidRequest));
    QCOMPARE(replies[4].value(QStringLiteral("id")), QJsonValue(QStringLiteral("s")));
    QCOMPARE(errorCode(replies[5]), int(ErrorCode::InvalidParams));
    QCOMPARE(replies[5].value(QStringLiteral("id")), QJsonValue(7));
    QCOMPARE(replies[6].value(QStringLiteral("id")), QJsonValue(8));
    QCOMPARE(replies[6].value(QStringLiteral("result")).toObject(),
             (QJsonObject{{QStringLiteral("echo"), QJsonObject{{QStringLiteral("a"), 1}}}}));
    for (const QJsonObject& reply : replies)
        QCOMPARE(reply.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));

    // A request split across many writes still works.
    const QByteArray split = control::encodeRequest(9, QStringLiteral("echo"), QJsonObject());
    for (char c : split) {
        raw.write(QByteArray(1, c));
        QTest::qWait(0);
    }
    QVERIFY(raw.waitForLines(8));
    QCOMPARE(raw.lines().at(7).value(QStringLiteral("id")), QJsonValue(9));
    QVERIFY(raw.isConnected());
}

void TestControlServer::oversizedRequestClosesOnlyThatConnection()
{
    ControlClient bystander;
    QVERIFY(connectClient(bystander));

    // Exactly one byte over the limit: the server cannot see the overflow before it has read all
    // of it, so nothing of ours is still unsent when it hangs up and the error line is certain.
    RawClient raw(m_path);
    QVERIFY(raw.waitConnected());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), qsizetype(2), kWaitMs);
    raw.write(QByteArray(kMaxRequestSize + 1, 'x'));
    QVERIFY(raw.waitForLines(1));
    QVERIFY(raw.waitDisconnected());
    const QList<QJsonObject> replies = raw.lines();
    QCOMPARE(replies.size(), 1);
    QCOMPARE(errorCode(replies[0]), int(ErrorCode::InvalidRequest));
    QVERIFY(replies[0].value(QStringLiteral("id")).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), qsizetype(1), kWaitMs);

    // A much larger flood: the connection goes, the error line may or may not make it through.
    RawClient flood(m_path);
    QVERIFY(flood.waitConnected());
    flood.write(QByteArray(4 * kMaxRequestSize, 'y'));
    QVERIFY(flood.waitDisconnected());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), qsizetype(1), kWaitMs);

    // The server keeps serving the others, and new ones.
    QVERIFY(bystander.isConnected());
    const auto outcome = call(bystander, QStringLiteral("echo"));
    QVERIFY(waitFor(outcome));
    QVERIFY(outcome->reply.ok);

    RawClient fresh(m_path);
    QVERIFY(fresh.waitConnected());
    fresh.write(control::encodeRequest(1, QStringLiteral("echo"), QJsonObject()));
    QVERIFY(fresh.waitForLines(1));
    QVERIFY(fresh.lines().at(0).contains(QStringLiteral("result")));

    // A line of exactly the limit is still accepted (as a parse error: it is not JSON).
    fresh.write(QByteArray(kMaxRequestSize, 'z') + '\n');
    QVERIFY(fresh.waitForLines(2));
    QCOMPARE(errorCode(fresh.lines().at(1)), int(ErrorCode::ParseError));
    QVERIFY(fresh.isConnected());
}

void TestControlServer::hugeCallFromClientFailsCleanly()
{
    ControlClient client;
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QVERIFY(connectClient(client));
    const QString big(2 * kMaxRequestSize, QLatin1Char('b'));
    const auto outcome = call(client, QStringLiteral("echo"), QJsonObject{{QStringLiteral("big"), big}});
    QVERIFY(waitFor(outcome));
    QVERIFY(!outcome->reply.ok);
    QCOMPARE(outcome->reply.error.code, ErrorCode::Unavailable);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, kWaitMs);
}

void TestControlServer::logNotificationsReachSubscribersOnly()
{
    ControlClient all;
    ControlClient errorsOnly;
    ControlClient bystander;
    QVERIFY(connectClient(all));
    QVERIFY(connectClient(errorsOnly));
    QVERIFY(connectClient(bystander));
    QSignalSpy allSpy(&all, &ControlClient::notificationReceived);
    QSignalSpy errorsSpy(&errorsOnly, &ControlClient::notificationReceived);
    QSignalSpy bystanderSpy(&bystander, &ControlClient::notificationReceived);

    m_log->log(core::LogLevel::Notice, QStringLiteral("test"), QStringLiteral("before subscribing"));

    const auto subAll =
        call(all, QStringLiteral("logs.subscribe"), QJsonObject{{QStringLiteral("backlog"), 10}});
    const auto subErrors = call(errorsOnly, QStringLiteral("logs.subscribe"),
                                QJsonObject{{QStringLiteral("level"), QStringLiteral("error")}});
    QVERIFY(waitFor(subAll));
    QVERIFY(waitFor(subErrors));
    QVERIFY2(subAll->reply.ok, qPrintable(subAll->reply.error.message));
    QVERIFY(subErrors->reply.ok);
    QCOMPARE(subAll->reply.result.toObject().value(QStringLiteral("subscribed")), QJsonValue(true));
    const QJsonArray backlog = subAll->reply.result.toObject().value(QStringLiteral("records")).toArray();
    QCOMPARE(backlog.size(), 1);
    QCOMPARE(backlog.at(0).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("before subscribing"));
    QCOMPARE(subErrors->reply.result.toObject().value(QStringLiteral("records")).toArray().size(), 0);

    m_log->log(core::LogLevel::Info, QStringLiteral("test"), QStringLiteral("informative"),
               QJsonObject{{QStringLiteral("n"), 1}}, QStringLiteral("S1"));
    m_log->log(core::LogLevel::Error, QStringLiteral("test"), QStringLiteral("broken"));

    QTRY_COMPARE_WITH_TIMEOUT(allSpy.count(), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(errorsSpy.count(), 1, kWaitMs);
    QCOMPARE(allSpy.at(0).at(0).toString(), QStringLiteral("logs.record"));
    const core::LogRecord first = core::LogRecord::fromJson(allSpy.at(0).at(1).toJsonValue().toObject());
    QCOMPARE(first.message, QStringLiteral("informative"));
    QCOMPARE(first.level, core::LogLevel::Info);
    QCOMPARE(first.session, QStringLiteral("S1"));
    QCOMPARE(first.fields.value(QStringLiteral("n")).toInt(), 1);
    QCOMPARE(first.seq, quint64(2));
    const core::LogRecord broken = core::LogRecord::fromJson(errorsSpy.at(0).at(1).toJsonValue().toObject());
    QCOMPARE(broken.message, QStringLiteral("broken"));
    QCOMPARE(broken.level, core::LogLevel::Error);

    // The server writes in order, so once a later reply has arrived on each connection, any stray
    // notification would have arrived before it.
    for (ControlClient* client : {&all, &errorsOnly, &bystander}) {
        const auto ping = call(*client, QStringLiteral("echo"));
        QVERIFY(waitFor(ping));
    }
    QCOMPARE(bystanderSpy.count(), 0);
    QCOMPARE(errorsSpy.count(), 1);
    QCOMPARE(allSpy.count(), 2);

    // Unsubscribed, nothing more arrives.
    const auto unsub = call(all, QStringLiteral("logs.unsubscribe"));
    QVERIFY(waitFor(unsub));
    QCOMPARE(unsub->reply.result.toObject().value(QStringLiteral("subscribed")), QJsonValue(false));
    m_log->log(core::LogLevel::Error, QStringLiteral("test"), QStringLiteral("after"));
    QTRY_COMPARE_WITH_TIMEOUT(errorsSpy.count(), 2, kWaitMs);
    const auto ping = call(all, QStringLiteral("echo"));
    QVERIFY(waitFor(ping));
    QCOMPARE(allSpy.count(), 2);
    QCOMPARE(bystanderSpy.count(), 0);

    // logs.tail sees everything the hub kept.
    const auto tail = call(bystander, QStringLiteral("logs.tail"), QJsonObject{{QStringLiteral("lines"), 2}});
    QVERIFY(waitFor(tail));
    const QJsonObject tailResult = tail->reply.result.toObject();
    QCOMPARE(tailResult.value(QStringLiteral("records")).toArray().size(), 2);
    QCOMPARE(tailResult.value(QStringLiteral("last_seq")).toInteger(), qint64(4));
}

void TestControlServer::logMethodsValidateParams()
{
    ControlClient client;
    QVERIFY(connectClient(client));
    const QList<QPair<QString, QJsonObject>> bad{
        {QStringLiteral("logs.tail"), QJsonObject{{QStringLiteral("lines"), -1}}},
        {QStringLiteral("logs.tail"), QJsonObject{{QStringLiteral("lines"), QStringLiteral("ten")}}},
        {QStringLiteral("logs.tail"), QJsonObject{{QStringLiteral("lines"), 1e9}}},
        {QStringLiteral("logs.tail"), QJsonObject{{QStringLiteral("level"), QStringLiteral("loud")}}},
        {QStringLiteral("logs.subscribe"), QJsonObject{{QStringLiteral("level"), 3}}},
        {QStringLiteral("logs.subscribe"), QJsonObject{{QStringLiteral("backlog"), QJsonArray()}}},
    };
    for (const auto& [method, params] : bad) {
        const auto outcome = call(client, method, params);
        QVERIFY(waitFor(outcome));
        QVERIFY2(!outcome->reply.ok, qPrintable(method));
        QCOMPARE(outcome->reply.error.code, ErrorCode::InvalidParams);
    }

    // A refused subscription does not subscribe.
    QSignalSpy notifications(&client, &ControlClient::notificationReceived);
    m_log->log(core::LogLevel::Error, QStringLiteral("test"), QStringLiteral("nobody listens"));
    const auto ping = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(ping));
    QCOMPARE(notifications.count(), 0);
}

void TestControlServer::serverCloseFailsPendingCalls()
{
    ControlClient client;
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QVERIFY(connectClient(client));
    const auto held = call(client, QStringLiteral("later"));
    const auto never = call(client, QStringLiteral("never"));
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), size_t(1), kWaitMs);

    m_server->close();
    QCOMPARE(m_server->connectionCount(), qsizetype(0));
    QVERIFY(!QFile::exists(m_path));
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, kWaitMs);
    QVERIFY(waitFor(held));
    QVERIFY(waitFor(never));
    QCOMPARE(held->reply.error.code, ErrorCode::Unavailable);
    QCOMPARE(never->reply.error.code, ErrorCode::Unavailable);
    QCOMPARE(held->calls, 1);
    QCOMPARE(never->calls, 1);
    QVERIFY(!client.isConnected());

    // The held responder outlived its connection: answering is a no-op, not a crash.
    QVERIFY(m_held.front().connection() == nullptr);
    m_held.front().result(1);

    // Calls after the loss fail at once with Unavailable, too.
    const auto after = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(after));
    QCOMPARE(after->reply.error.code, ErrorCode::Unavailable);
    QCOMPARE(disconnected.count(), 1);
}

void TestControlServer::responderOutlivesConnection()
{
    {
        ControlClient client;
        QVERIFY(connectClient(client));
        const auto outcome = call(client, QStringLiteral("later"));
        QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), size_t(1), kWaitMs);
        QVERIFY(m_held.front().connection() != nullptr);
        client.disconnectFromService();
        QCOMPARE(outcome->calls, 1);
        QCOMPARE(outcome->reply.error.code, ErrorCode::Unavailable);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), qsizetype(0), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_held.front().connection() == nullptr, kWaitMs);
    m_held.front().result(QStringLiteral("nobody hears this"));
    m_held.front().error(ErrorCode::Failed, QStringLiteral("nor this"));

    ControlClient next;
    QVERIFY(connectClient(next));
    const auto outcome = call(next, QStringLiteral("echo"));
    QVERIFY(waitFor(outcome));
    QVERIFY(outcome->reply.ok);
}

void TestControlServer::autoReconnect()
{
    ControlClient client;
    client.setAutoReconnect(true);
    QSignalSpy connected(&client, &ControlClient::connected);
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QSignalSpy failed(&client, &ControlClient::connectionFailed);
    QVERIFY(connectClient(client));
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kWaitMs);

    m_server->close();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, kWaitMs);
    // It keeps trying while the service is away (first retry after 200 ms).
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, kWaitMs);
    QCOMPARE(connected.count(), 1);

    // The service comes back on the same path: a new server object, as after a restart.
    m_server = std::make_unique<ControlServer>();
    m_server->methods().add(QStringLiteral("echo"), [](const QJsonObject&, const Responder& respond) {
        respond.result(QStringLiteral("back"));
    });
    QString error;
    QVERIFY2(m_server->listen(m_path, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, 10000);
    QVERIFY(client.isConnected());

    const auto outcome = call(client, QStringLiteral("echo"));
    QVERIFY(waitFor(outcome));
    QVERIFY(outcome->reply.ok);
    QCOMPARE(outcome->reply.result.toString(), QStringLiteral("back"));

    // And again: the retry delay starts over after a successful connection.
    m_server->close();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 2, kWaitMs);
    QVERIFY(m_server->listen(m_path, &error));
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 3, 10000);

    // An explicit disconnect stops the retries.
    client.disconnectFromService();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 3, kWaitMs);
    QTest::qWait(600);
    QCOMPARE(connected.count(), 3);
    QVERIFY(!client.isConnected());
}

void TestControlServer::partialLineDoesNotLeakIntoNextConnection()
{
    // A service that dies in the middle of writing a line must not leave half a message in
    // the client's buffer, to be glued to the first line of the next connection.
    m_server.reset();
    QLocalServer raw;
    QLocalServer::removeServer(m_path);
    QVERIFY(raw.listen(m_path));

    ControlClient client;
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QSignalSpy notifications(&client, &ControlClient::notificationReceived);
    QVERIFY(connectClient(client));
    QTRY_VERIFY_WITH_TIMEOUT(raw.hasPendingConnections(), kWaitMs);
    QLocalSocket* first = raw.nextPendingConnection();
    first->write(R"({"jsonrpc":"2.0","method":"half","params":{"cut":)");
    QVERIFY(first->waitForBytesWritten(kWaitMs) || first->bytesToWrite() == 0);
    QTest::qWait(50);
    first->disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, kWaitMs);
    delete first;

    QVERIFY(connectClient(client));
    QTRY_VERIFY_WITH_TIMEOUT(raw.hasPendingConnections(), kWaitMs);
    QLocalSocket* second = raw.nextPendingConnection();
    second->write(
        control::encodeNotification(QStringLiteral("whole"), QJsonObject{{QStringLiteral("ok"), true}}));
    QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, kWaitMs);
    QCOMPARE(notifications.at(0).at(0).toString(), QStringLiteral("whole"));
    delete second;
}

QTEST_GUILESS_MAIN(TestControlServer)
#include "tst_controlserver.moc"
