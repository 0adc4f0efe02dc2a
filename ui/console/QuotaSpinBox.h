#pragma once

#include <QSpinBox>

namespace pw::ui {

// A mailbox quota in MiB, where 0 reads "No limit"; the service counts bytes.
class QuotaSpinBox : public QSpinBox
{
    Q_OBJECT

public:
    explicit QuotaSpinBox(QWidget* parent = nullptr);

    [[nodiscard]] qint64 quotaBytes() const;
    // Rounded up to whole MiB, so a small quota never shows as "No limit".
    void setQuotaBytes(qint64 bytes);
};

} // namespace pw::ui
