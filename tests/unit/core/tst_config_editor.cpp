#include "service/core/AtomicFile.h"
#include "service/core/ConfigFileEditor.h"
#include "service/core/ConfigSchema.h"
#include "service/core/ServiceConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using pw::service::ConfigFileEditor;
using pw::service::ServiceConfig;

namespace {

QString edited(const QString& text, const QString& section, const QString& key, const QString& value)
{
    ConfigFileEditor editor(text);
    editor.set(section, key, value);
    return editor.text();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

mode_t modeOf(const QString& path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

} // namespace

class TestConfigEditor : public QObject
{
    Q_OBJECT

private slots:
    void rewritesAnActiveLineInPlace()
    {
        const QString text = QStringLiteral("# top\n[service]\n  hostname = old.example.org\n# after\n\n"
                                            "[listen]\nsmtp = 127.0.0.1:25\n");
        QCOMPARE(edited(text, QStringLiteral("service"), QStringLiteral("hostname"),
                        QStringLiteral("new.example.org")),
                 QStringLiteral("# top\n[service]\n  hostname = new.example.org\n# after\n\n"
                                "[listen]\nsmtp = 127.0.0.1:25\n"));
    }

    void keysAndSectionsMatchWithoutCase()
    {
        const QString text = QStringLiteral("[Service]\nHostName=old.example.org\n");
        QCOMPARE(
            edited(text, QStringLiteral("service"), QStringLiteral("hostname"), QStringLiteral("a.example")),
            QStringLiteral("[Service]\nhostname = a.example\n"));
    }

    void goesAfterTheCommentedDefault()
    {
        // The layout of a generated config: documentation, then the default commented out.
        const QString text = pw::service::defaultConfigText();
        const QString result =
            edited(text, QStringLiteral("mail"), QStringLiteral("max_recipients"), QStringLiteral("50"));
        QVERIFY(result.contains(QStringLiteral("#max_recipients = 1000\nmax_recipients = 50\n")));
        QCOMPARE(result.size(), text.size() + QStringLiteral("max_recipients = 50\n").size());
        QStringList errors;
        const ServiceConfig config = ServiceConfig::fromText(result, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(config.integer("mail", "max_recipients"), 50);
    }

    void appendsToTheEndOfItsSection()
    {
        const QString text = QStringLiteral("[service]\nhostname = a.example\n# about hostname\n\n"
                                            "[listen]\nsmtp = 127.0.0.1:25\n");
        QCOMPARE(edited(text, QStringLiteral("service"), QStringLiteral("public_addresses"),
                        QStringLiteral("192.0.2.1")),
                 QStringLiteral("[service]\nhostname = a.example\n# about hostname\n"
                                "public_addresses = 192.0.2.1\n\n[listen]\nsmtp = 127.0.0.1:25\n"));
    }

    void addsAMissingSection()
    {
        QCOMPARE(edited(QStringLiteral("[service]\nhostname = a.example\n"), QStringLiteral("dns"),
                        QStringLiteral("servers"), QStringLiteral("127.0.0.1:53")),
                 QStringLiteral("[service]\nhostname = a.example\n\n[dns]\nservers = 127.0.0.1:53\n"));
        QCOMPARE(edited(QString(), QStringLiteral("dns"), QStringLiteral("servers"), QString()),
                 QStringLiteral("[dns]\nservers =\n"));
    }

    void keepsLineEndsAndAMissingFinalNewline()
    {
        QCOMPARE(edited(QStringLiteral("[service]\r\nhostname = a\r\n"), QStringLiteral("service"),
                        QStringLiteral("public_addresses"), QStringLiteral("192.0.2.1")),
                 QStringLiteral("[service]\r\nhostname = a\r\npublic_addresses = 192.0.2.1\r\n"));
        QCOMPARE(edited(QStringLiteral("[service]\nhostname = a"), QStringLiteral("service"),
                        QStringLiteral("hostname"), QStringLiteral("b")),
                 QStringLiteral("[service]\nhostname = b"));
    }

    void setTwiceKeepsOneLine()
    {
        ConfigFileEditor editor(QStringLiteral("[log]\n#level = info\n"));
        editor.set(QStringLiteral("log"), QStringLiteral("level"), QStringLiteral("debug"));
        editor.set(QStringLiteral("log"), QStringLiteral("level"), QStringLiteral("notice"));
        QCOMPARE(editor.text(), QStringLiteral("[log]\n#level = info\nlevel = notice\n"));
    }

    void atomicWriteKeepsTheMode()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("postwarden.conf"));
        QString error;
        QVERIFY2(pw::service::writeFileAtomically(path, "first\n", &error), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("first\n"));
        QCOMPARE(modeOf(path), mode_t(0600));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QVERIFY2(pw::service::writeFileAtomically(path, "second\n", &error), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("second\n"));
        QCOMPARE(modeOf(path), mode_t(0640));
        // Nothing is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("postwarden.conf")});
    }

    void atomicWriteFollowsASymlink()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString real = dir.filePath(QStringLiteral("real.conf"));
        const QString link = dir.filePath(QStringLiteral("link.conf"));
        QString error;
        QVERIFY(pw::service::writeFileAtomically(real, "old\n", &error));
        QVERIFY(QFile::link(real, link));
        QVERIFY2(pw::service::writeFileAtomically(link, "new\n", &error), qPrintable(error));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readAll(real), QByteArray("new\n"));
    }

    void atomicWriteFailsWithAReason()
    {
        QString error;
        QVERIFY(!pw::service::writeFileAtomically(QStringLiteral("/nonexistent-dir/x.conf"), "x", &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent-dir/x.conf")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_config_editor.moc"
