#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace pw::ui {

class QuotaSpinBox;

// Asks for what a mailbox needs: a new one's address, password (typed twice) and quota; or
// only a new password, or only a new quota, for an existing one. OK stays disabled until the
// input makes sense, and a line under the fields says why.
class MailboxDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Create,
        Password,
        Quota
    };

    explicit MailboxDialog(Mode mode, QWidget* parent = nullptr);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] QString address() const;
    [[nodiscard]] QString password() const;
    [[nodiscard]] qint64 quotaBytes() const;

    void setAddress(const QString& address);
    // Sets both password fields.
    void setPassword(const QString& password);
    void setQuotaBytes(qint64 bytes);
    // The domains offered to complete an address after its "@".
    void setDomains(const QStringList& domains);

    // Empty when the input is acceptable.
    [[nodiscard]] QString problem() const;

private:
    void validate();

    Mode m_mode;
    QLineEdit* m_address;
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    QuotaSpinBox* m_quota;
    QLabel* m_hint;
    QDialogButtonBox* m_buttons;
};

} // namespace pw::ui
