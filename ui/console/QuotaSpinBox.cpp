#include "ui/console/QuotaSpinBox.h"

#include <algorithm>
#include <limits>

namespace pw::ui {

namespace {
constexpr qint64 kMiB = 1024 * 1024;
}

QuotaSpinBox::QuotaSpinBox(QWidget* parent)
    : QSpinBox(parent)
{
    setRange(0, std::numeric_limits<int>::max());
    setSingleStep(100);
    setSuffix(tr(" MiB"));
    setSpecialValueText(tr("No limit"));
    setAccelerated(true);
    setAccessibleDescription(tr("Storage the mailbox may use, in MiB; 0 means no limit"));
}

qint64 QuotaSpinBox::quotaBytes() const
{
    return static_cast<qint64>(value()) * kMiB;
}

void QuotaSpinBox::setQuotaBytes(qint64 bytes)
{
    const qint64 mib = bytes <= 0 ? 0 : (bytes + kMiB - 1) / kMiB;
    setValue(static_cast<int>(std::min<qint64>(mib, maximum())));
}

} // namespace pw::ui
