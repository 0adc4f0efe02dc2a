#pragma once

// Helpers of the console's widget tests: finding the visible dialog, typing and clicking the way
// a user does, and one SMTP transaction over loopback. Finding widgets by name, free ports,
// screenshots and the rest that every widget test uses are in UiTestSupport.h.

#include "tests/ui/UiTestSupport.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QLineEdit>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>
#include <QWidget>

namespace pw::test::ui {

// The visible one: a dialog closed earlier may still wait for its deferred delete.
template<typename T> inline T* visibleChild(const QWidget* parent)
{
    for (T* candidate : parent->findChildren<T*>()) {
        if (candidate->isVisible())
            return candidate;
    }
    return nullptr;
}

inline void clickRow(QTableView* table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

// Closed dialogs leave no window active offscreen; focus and shortcuts need one.
inline bool activate(QWidget& window)
{
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

inline void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// One SMTP transaction over a plain socket; empty on success, else what went wrong.
inline QString sendMail(quint16 port, const QString& from, const QString& to, const QString& subject)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000))
        return QStringLiteral("connect: ") + socket.errorString();
    const QDeadlineTimer deadline(30000);
    QString problem;
    const auto reply = [&](int expected) {
        QByteArray line;
        do {
            while (!socket.canReadLine()) {
                if (deadline.hasExpired() ||
                    !socket.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
                    problem = QStringLiteral("no reply (waiting for %1)").arg(expected);
                    return false;
                }
            }
            line = socket.readLine();
        } while (line.size() >= 4 && line.at(3) == '-');
        if (line.left(3).toInt() != expected) {
            problem = QString::fromUtf8(line).trimmed();
            return false;
        }
        return true;
    };
    const auto command = [&](const QByteArray& text, int expected) {
        socket.write(text + "\r\n");
        return reply(expected);
    };
    const QByteArray message = "From: <" + from.toUtf8() + ">\r\nTo: <" + to.toUtf8() +
                               ">\r\nSubject: " + subject.toUtf8() +
                               "\r\nDate: Mon, 2 Jun 2025 10:00:00 +0000\r\nMessage-ID: <" +
                               subject.toUtf8() + "@sender.example>\r\n\r\nHello from the console test.\r\n.";
    const bool ok = reply(220) && command("EHLO client.example.test", 250) &&
                    command("MAIL FROM:<" + from.toUtf8() + ">", 250) &&
                    command("RCPT TO:<" + to.toUtf8() + ">", 250) && command("DATA", 354) &&
                    command(message, 250) && command("QUIT", 221);
    return ok ? QString() : problem;
}

} // namespace pw::test::ui
