#include "ui/wizard/WelcomePage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace pw::ui {

namespace {

QString bulletList(const QStringList& items)
{
    QString html = QStringLiteral("<ul>");
    for (const QString& item : items)
        html += QStringLiteral("<li>%1</li>").arg(item);
    return html + QStringLiteral("</ul>");
}

} // namespace

// The service is not needed to say hello; the parameter keeps all pages built alike.
WelcomePage::WelcomePage(app::ServiceManager& /*service*/, QWidget* parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Welcome"));
    setSubTitle(tr("This assistant sets up your own mail server, step by step, and checks every step."));

    auto* intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("welcomeTextLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    intro->setText(
        QStringLiteral("<p>%1</p>")
            .arg(tr("When you are done, mail to your own addresses (like "
                    "info@your-business.com) arrives on this server, and mail you "
                    "send from it reaches other people's inboxes instead of their "
                    "spam folder.")) +
        QStringLiteral("<p><b>%1</b></p>").arg(tr("What will happen")) +
        bulletList({tr("You enter your domain and the name of this mail server."),
                    tr("The assistant checks the server's internet address, its reverse DNS (PTR) and its "
                       "ports."),
                    tr("It shows the DNS records to publish for your domain, and checks them."),
                    tr("You create the mail accounts, and a last run of every check shows that everything "
                       "works together.")}) +
        QStringLiteral("<p><b>%1</b></p>").arg(tr("What you need")) +
        bulletList({tr("A domain of your own, and the login to where its DNS records are managed (often the "
                       "company you bought the domain from)."),
                    tr("A server with a fixed (static) public IP address, and the login to the control "
                       "panel of the company where the server is rented or your internet provider."),
                    tr("About half an hour. Changes to DNS records can take a while to show up; you can "
                       "stop at any time and continue later where you left off.")}));

    auto* hint = new QLabel(
        tr("Every result shows what it means and how to fix it; press \"Check again\" after you changed "
           "something."),
        this);
    hint->setObjectName(QStringLiteral("welcomeHintLabel"));
    hint->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(hint);
    layout->addStretch(1);
}

} // namespace pw::ui
