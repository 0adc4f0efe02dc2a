#pragma once

#include <QJsonObject>

namespace pw::ctl {

class CtlContext;

// Looks up every record of a `records` answer through the service's DNS servers and prints, per
// record, what was expected against what DNS holds; exits 1 while a required one is not there.
void verifyRecords(CtlContext& ctx, const QJsonObject& records);

} // namespace pw::ctl
