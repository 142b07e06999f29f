// libpq, the C client psql itself uses (Debian: libpq-dev). https://www.postgresql.org/docs/current/libpq.html
#include <postgresql/libpq-fe.h>
