// Keyboard use of every console page and wizard step, in English and in German: no two controls
// a person can reach on one screen share an Alt+letter (menu titles included), and every label
// with a mnemonic hands the focus to a field. Translators choose the letters anew, so the German
// screens are checked as they are shown.

#include "app/ServiceManager.h"
#include "shared/core/Translations.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <memory>

using pw::ui::MainWindow;
using pw::ui::SetupWizard;

namespace {

struct Mnemonic
{
    QKeySequence key;
    QString text;
};

QString plain(const QString& text)
{
    return QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

// The Alt+letter shortcuts `root`'s controls answer to; labels without a buddy are reported in
// `problems`, since their mnemonic would lead nowhere.
QList<Mnemonic> mnemonicsOf(const QWidget& root, QStringList* problems)
{
    QList<Mnemonic> found;
    const auto add = [&found](const QString& text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            found.append(Mnemonic{key, plain(text)});
    };
    for (const QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
        // Tool buttons made for actions show the action's text without making a shortcut of it.
        if (!button->inherits("QToolButton"))
            add(button->text());
    }
    for (const QGroupBox* box : root.findChildren<QGroupBox*>()) {
        if (box->isCheckable())
            add(box->title());
    }
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        if (label->textFormat() == Qt::RichText || QKeySequence::mnemonic(label->text()).isEmpty())
            continue;
        if (!label->buddy())
            problems->append(QStringLiteral("label \"%1\" (%2) has a mnemonic but no buddy")
                                 .arg(plain(label->text()), label->objectName()));
        add(label->text());
    }
    return found;
}

void findClashes(const QString& screen, const QList<Mnemonic>& mnemonics, QStringList* problems)
{
    QHash<QString, QStringList> byKey;
    for (const Mnemonic& mnemonic : mnemonics)
        byKey[mnemonic.key.toString().toLower()].append(mnemonic.text);
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it.value().size() > 1)
            problems->append(
                QStringLiteral("%1: %2 is %3").arg(screen, it.key(), it.value().join(QStringLiteral(" / "))));
    }
}

} // namespace

class TestUiKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void screens_data();
    void screens();

private:
    void useLanguage(const QString& language);

    QTemporaryDir m_dir;
    std::unique_ptr<QTranslator> m_ours;
    std::unique_ptr<QTranslator> m_qt;
};

void TestUiKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiKeyboard::cleanup()
{
    for (auto* translator : {m_ours.get(), m_qt.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
    m_ours.reset();
    m_qt.reset();
}

void TestUiKeyboard::useLanguage(const QString& language)
{
    if (language == QLatin1String("en"))
        return;
    m_ours = std::make_unique<QTranslator>();
    QVERIFY2(m_ours->load(QStringLiteral(":/i18n/postwarden_%1.qm").arg(language)),
             "our translation is built in");
    QCoreApplication::installTranslator(m_ours.get());
    // Qt's own (the wizard's Back and Next) when the system has them, as the app loads them.
    m_qt = std::make_unique<QTranslator>();
    if (m_qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt.get());
}

void TestUiKeyboard::screens_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
}

void TestUiKeyboard::screens()
{
    QFETCH(QString, language);
    useLanguage(language);
    // No service: the widgets are what is checked, not what they show.
    pw::app::ServiceManager manager(m_dir.filePath(QStringLiteral("data")),
                                    m_dir.filePath(QStringLiteral("none.sock")));
    QStringList problems;

    MainWindow window(manager);
    window.setWizardFactory(
        [&manager](QWidget* parent) -> QWizard* { return new SetupWizard(manager, parent); });
    QList<Mnemonic> menus;
    for (const QAction* action : window.menuBar()->actions()) {
        const QKeySequence key = QKeySequence::mnemonic(action->text());
        if (!key.isEmpty())
            menus.append(Mnemonic{key, plain(action->text())});
    }
    QCOMPARE(menus.size(), window.menuBar()->actions().size());
    findClashes(QStringLiteral("menu bar"), menus, &problems);
    const auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
    QVERIFY(pages);
    QCOMPARE(pages->count(), int(MainWindow::PageCount));
    for (int index = 0; index < pages->count(); ++index) {
        const QWidget* page = pages->widget(index);
        findClashes(QStringLiteral("console page %1 (%2)").arg(index).arg(page->objectName()),
                    menus + mnemonicsOf(*page, &problems), &problems);
    }

    SetupWizard wizard(manager);
    const auto buttonMnemonic = [&wizard](QWizard::WizardButton which) {
        const QString text = wizard.buttonText(which);
        return Mnemonic{QKeySequence::mnemonic(text), plain(text)};
    };
    const QList<int> ids = wizard.pageIds();
    for (const int id : ids) {
        // Back from the second step on, Next up to the last, Finish on the last one.
        QList<Mnemonic> buttons;
        if (id != ids.first())
            buttons.append(buttonMnemonic(QWizard::BackButton));
        buttons.append(buttonMnemonic(id == ids.last() ? QWizard::FinishButton : QWizard::NextButton));
        buttons.removeIf([](const Mnemonic& mnemonic) { return mnemonic.key.isEmpty(); });
        const QWidget* page = wizard.page(id);
        findClashes(QStringLiteral("wizard step %1 (%2)").arg(id + 1).arg(page->objectName()),
                    buttons + mnemonicsOf(*page, &problems), &problems);
    }

    problems.removeDuplicates();
    // One line each: QVERIFY2's message is cut short.
    for (const QString& problem : std::as_const(problems))
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problems, listed above").arg(problems.size())));
}

int main(int argc, char** argv)
{
    return pw::test::runWidgetTest<TestUiKeyboard>(argc, argv);
}

#include "tst_ui_keyboard.moc"
