#pragma once

#include "service/core/ProtocolSession.h"

#include <QString>

namespace pw::service {

class Directory;
class FolderStore;
class LogHub;
class LoginVerifier;
class MessageStore;

struct ImapSettings
{
    QString hostname;
    qint64 maxMessageSize = 26214400; // APPEND
    int maxLineLength = 65536;
    int maxErrors = 50; // BAD answers in a row before the session is closed
    bool plaintextAuthOnLoopback = false;
};

// Everything an IMAP session uses of the service. Owned by the service; outlives every session.
struct ImapContext
{
    ImapSettings settings;
    Directory* directory = nullptr;
    MessageStore* store = nullptr;
    FolderStore* folders = nullptr;
    LoginVerifier* login = nullptr;
    LogHub* log = nullptr;
};

struct ImapPeer : ConnectionPeer
{
    bool implicitTls = false; // imaps
};

} // namespace pw::service
