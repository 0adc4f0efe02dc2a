#pragma once

#include <QByteArrayView>

namespace pw::crypto::ConstantTime {

// Time depends on the length only, never on where the first difference is; for comparing
// secrets (tokens, MACs) where an early exit would leak how much of a guess was right.
[[nodiscard]] bool equals(QByteArrayView a, QByteArrayView b);

} // namespace pw::crypto::ConstantTime
