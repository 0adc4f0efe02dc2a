// How the app's GUI thread fares while the whole diagnostics suite runs against a slow loopback
// DNS server (every answer delayed, the blocklists never answering): a 5 ms timer on the GUI
// thread records the longest gap between its ticks. Once with the suite in app::DiagnosticsRunner
// (its worker thread, what the wizard and the console use), once with the engine on the GUI
// thread itself, for comparison. Also prints how long the console window and the wizard take to
// build. Offscreen.
// Run: build/bin/bench_ui_responsiveness [runs]

#include "app/DiagnosticsRunner.h"
#include "app/ServiceManager.h"
#include "shared/diag/DiagnosticsEngine.h"
#include "shared/diag/StandardChecks.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"
#include "ui/CheckResultsView.h"
#include "ui/MainWindow.h"
#include "ui/wizard/SetupWizard.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

const char* const kZone =
    "example.org. 300 SOA ns.example.org. hostmaster.example.org. 1 3600 600 86400 300\n"
    "example.org. 300 MX 10 mail.example.org.\n"
    "example.org. 300 TXT \"v=spf1 mx -all\"\n"
    "mail.example.org. 300 A 192.0.2.10\n"
    "10.2.0.192.in-addr.arpa. 300 PTR mail.example.org.\n"
    "_dmarc.example.org. 300 TXT \"v=DMARC1; p=reject\"\n"
    "example.org. DELAY 300\n"
    "mail.example.org. DELAY 300\n"
    "10.2.0.192.in-addr.arpa. DELAY 300\n"
    "_dmarc.example.org. DELAY 300\n"
    "10.2.0.192.zen.spamhaus.org. TIMEOUT\n"
    "10.2.0.192.bl.spamcop.net. TIMEOUT\n";

struct Gaps
{
    qint64 wallMs = 0;
    qint64 longestGapMs = 0;
    qint64 p99GapMs = 0;
    int results = 0;
};

// Runs `start` (which calls `done` once when the suite has finished) while a 5 ms timer ticks.
Gaps measure(const std::function<void(std::function<void(int)> done)>& start)
{
    std::vector<qint64> gaps;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] { gaps.push_back(sinceTick.restart()); });
    QEventLoop loop;
    Gaps result;
    QElapsedTimer wall;
    wall.start();
    sinceTick.start();
    ticker.start(5);
    start([&](int results) {
        result.results = results;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    ticker.stop();
    result.wallMs = wall.elapsed();
    gaps.push_back(sinceTick.elapsed());
    std::sort(gaps.begin(), gaps.end());
    result.longestGapMs = gaps.back();
    result.p99GapMs = gaps[std::min(gaps.size() - 1, gaps.size() * 99 / 100)];
    return result;
}

void print(const char* what, const Gaps& gaps)
{
    std::printf("%-34s %8lld %12lld %10lld %8d\n", what, static_cast<long long>(gaps.wallMs),
                static_cast<long long>(gaps.longestGapMs), static_cast<long long>(gaps.p99GapMs),
                gaps.results);
}

} // namespace

int main(int argc, char** argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::clamp(QByteArray(argv[1]).toInt(), 1, 20) : 3;

    pw::test::TestDnsServer server;
    if (!server.start(QString::fromLatin1(kZone))) {
        std::fprintf(stderr, "bench_ui_responsiveness: no loopback DNS server: %s\n",
                     qPrintable(server.errorString()));
        return 1;
    }
    pw::diag::DiagnosticsInput input;
    input.domain = QStringLiteral("example.org");
    input.hostname = QStringLiteral("mail.example.org");
    input.publicAddresses = {QHostAddress(QStringLiteral("192.0.2.10"))};
    input.dnsOnly = true; // documentation addresses: never connected to

    // What the owner looks at meanwhile: the results view is filled when the suite ends.
    pw::ui::CheckResultsView view;
    view.show();

    std::printf("whole diagnostics suite, DNS answers delayed 300 ms, two blocklists silent (%s)\n",
                qPrintable(server.address()));
    std::printf("%-34s %8s %12s %10s %8s\n", "", "wall ms", "longest gap", "p99 gap", "results");
    for (int run = 1; run <= runs; ++run) {
        pw::app::DiagnosticsRunner runner;
        QObject::connect(&runner, &pw::app::DiagnosticsRunner::progress, &view,
                         &pw::ui::CheckResultsView::setRunning);
        const Gaps worker = measure([&](std::function<void(int)> done) {
            QObject::connect(&runner, &pw::app::DiagnosticsRunner::finished, &view,
                             [&view, done](const pw::diag::CheckResults& results) {
                                 view.setResults(results);
                                 done(static_cast<int>(results.size()));
                             });
            runner.start(input, {server.address()});
        });
        print("runner (worker thread)", worker);

        pw::dns::ResolverOptions options;
        options.servers = {server.address()};
        options.cacheEnabled = false;
        pw::dns::LdnsResolver resolver(options);
        pw::diag::DiagnosticsEngine engine(resolver, pw::diag::standardChecks());
        const Gaps inline_ = measure([&](std::function<void(int)> done) {
            QObject::connect(&engine, &pw::diag::DiagnosticsEngine::finished, &view,
                             [&view, done](const pw::diag::CheckResults& results) {
                                 view.setResults(results);
                                 done(static_cast<int>(results.size()));
                             });
            engine.start(input);
        });
        print("engine on the GUI thread", inline_);
    }

    QTemporaryDir data;
    pw::app::ServiceManager manager(data.filePath(QStringLiteral("data")),
                                    data.filePath(QStringLiteral("none.sock")));
    QElapsedTimer build;
    build.start();
    auto window = std::make_unique<pw::ui::MainWindow>(manager);
    window->show();
    QApplication::processEvents();
    const qint64 windowMs = build.restart();
    auto wizard = std::make_unique<pw::ui::SetupWizard>(manager, window.get());
    wizard->show();
    QApplication::processEvents();
    const qint64 wizardMs = build.elapsed();
    std::printf("console window built and shown: %lld ms; setup wizard (8 steps): %lld ms\n",
                static_cast<long long>(windowMs), static_cast<long long>(wizardMs));
    return 0;
}
