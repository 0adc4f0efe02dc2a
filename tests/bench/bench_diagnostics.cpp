// The full diagnostics suite (DNS only) against a loopback DNS server serving a correct zone:
// prints the wall time of each run and the number of DNS queries the server saw.
// Run: build/bin/bench_diagnostics [runs]   (target: under 1 s per run)

#include "shared/crypto/KeyPair.h"
#include "shared/diag/DiagnosticsEngine.h"
#include "shared/diag/StandardChecks.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace {

QString txt(const QByteArray& text)
{
    // dnsserver.py takes zone presentation syntax: split long TXT data into 255-byte strings.
    QString out;
    for (qsizetype i = 0; i < text.size(); i += 255)
        out += QStringLiteral(" \"%1\"").arg(QString::fromLatin1(text.mid(i, 255)));
    return out;
}

QString goodZone(const QByteArray& dkimPublicDer)
{
    QString zone =
        QStringLiteral("example.org. 300 SOA ns.example.org. hostmaster.example.org. 1 3600 600 86400 300\n"
                       "example.org. 300 MX 10 mail.example.org.\n"
                       "example.org. 300 TXT \"v=spf1 mx -all\"\n"
                       "mail.example.org. 300 A 192.0.2.10\n"
                       "mail.example.org. 300 AAAA 2001:db8::10\n"
                       "10.2.0.192.in-addr.arpa. 300 PTR mail.example.org.\n"
                       "0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. 300 PTR "
                       "mail.example.org.\n"
                       "_dmarc.example.org. 300 TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.org\"\n");
    zone += QStringLiteral("pw202611r._domainkey.example.org. 300 TXT") +
            txt("v=DKIM1; k=rsa; p=" + dkimPublicDer.toBase64()) + QLatin1Char('\n');
    return zone;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::clamp(QByteArray(argv[1]).toInt(), 1, 100) : 5;

    const auto key = pw::crypto::KeyPair::generateRsa(2048);
    const auto der =
        key.ok() ? key.value().publicDer() : pw::crypto::Result<QByteArray>(pw::crypto::CryptoError{});
    if (!der.ok()) {
        std::fprintf(stderr, "bench_diagnostics: cannot make a DKIM key\n");
        return 1;
    }
    pw::test::TestDnsServer server;
    if (!server.start(goodZone(der.value()))) {
        std::fprintf(stderr, "bench_diagnostics: cannot start the loopback DNS server: %s\n",
                     qPrintable(server.errorString()));
        return 1;
    }

    pw::diag::DiagnosticsInput input;
    input.domain = QStringLiteral("example.org");
    input.hostname = QStringLiteral("mail.example.org");
    input.publicAddresses = {QHostAddress(QStringLiteral("192.0.2.10")),
                             QHostAddress(QStringLiteral("2001:db8::10"))};
    input.dkimKeys = {{QStringLiteral("pw202611r"), pw::crypto::KeyType::Rsa, der.value()}};
    input.dnsOnly = true; // the documentation addresses above must never be connected to

    std::printf("diagnostics suite, DNS only, loopback DNS server (%s)\n", qPrintable(server.address()));
    std::printf("%4s %10s %8s %8s %6s\n", "run", "wall ms", "queries", "results", "fails");
    qint64 best = -1;
    for (int run = 1; run <= runs; ++run) {
        // A fresh resolver each run: its cache would otherwise answer everything after run 1.
        pw::dns::ResolverOptions options;
        options.servers = {server.address()};
        options.timeout = std::chrono::milliseconds(1000);
        options.retries = 0;
        options.cacheEnabled = false;
        pw::dns::LdnsResolver resolver(options);
        pw::diag::DiagnosticsEngine engine(resolver, pw::diag::standardChecks());
        server.clearQueries();

        QEventLoop loop;
        pw::diag::CheckResults results;
        QObject::connect(&engine, &pw::diag::DiagnosticsEngine::finished, &loop,
                         [&](const pw::diag::CheckResults& all) {
                             results = all;
                             loop.quit();
                         });
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        QElapsedTimer timer;
        timer.start();
        engine.start(input);
        loop.exec();
        const qint64 elapsed = timer.elapsed();
        const auto fails =
            std::count_if(results.cbegin(), results.cend(), [](const pw::diag::CheckResult& r) {
                return r.status == pw::diag::CheckStatus::Fail;
            });
        std::printf("%4d %10lld %8d %8lld %6lld\n", run, static_cast<long long>(elapsed), server.queryCount(),
                    static_cast<long long>(results.size()), static_cast<long long>(fails));
        best = best < 0 ? elapsed : std::min(best, elapsed);
        if (run == runs) {
            for (const auto& r : std::as_const(results)) {
                if (r.status == pw::diag::CheckStatus::Fail)
                    std::printf("  fail: %s: %s\n", qPrintable(r.id), qPrintable(r.summary));
            }
        }
    }
    std::printf("best wall time: %lld ms (target: under 1000 ms)\n", static_cast<long long>(best));
    return 0;
}
