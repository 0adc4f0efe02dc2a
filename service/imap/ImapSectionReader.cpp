#include "service/imap/ImapSectionReader.h"
