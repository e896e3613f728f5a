# common/: logging and tiny helpers shared by every program (prefix ss_).
COMMON_SRCS := common/ss_log.c common/ss_util.c common/ss_img.c common/ss_buf.c
$(eval $(call LIBRARY,sscommon,$(COMMON_SRCS)))
COMMON_LIB := $(LIBDIR)/libsscommon.a
.PHONY: common
common: $(COMMON_LIB)
