/**
 * The react-admin 5 keys that ra-language-vietnamese 3.0.1 (written for an older react-admin)
 * lacks; tests/admin-i18n.test.ts checks that with these every key of ra-language-english has a
 * Vietnamese text.
 */
export const raVietnameseComplement = {
  ra: {
    action: {
      clear_array_input: 'Xóa danh sách',
      create_item: 'Tạo %{item}',
      remove_all_filters: 'Bỏ tất cả bộ lọc',
      reset: 'Đặt lại',
      search_columns: 'Tìm cột',
      select_all: 'Chọn tất cả',
      select_all_button: 'Chọn tất cả',
      select_row: 'Chọn dòng này',
      update: 'Cập nhật',
      move_up: 'Chuyển lên',
      move_down: 'Chuyển xuống',
      open: 'Mở',
      toggle_theme: 'Chuyển giao diện sáng/tối',
      select_columns: 'Cột',
      update_application: 'Tải lại ứng dụng',
    },
    page: {
      access_denied: 'Không có quyền truy cập',
      authentication_error: 'Lỗi xác thực',
    },
    message: {
      access_denied: 'Bạn không có quyền truy cập trang này',
      authentication_error: 'Máy chủ xác thực trả về lỗi, không thể kiểm tra thông tin đăng nhập của bạn.',
      auth_error: 'Đã xảy ra lỗi khi kiểm tra phiên đăng nhập.',
      bulk_update_content:
        'Bạn có chắc chắn muốn cập nhật %{name} %{recordRepresentation}? |||| Bạn có chắc chắn muốn cập nhật %{smart_count} mục này?',
      bulk_update_title: 'Cập nhật %{name} %{recordRepresentation} |||| Cập nhật %{smart_count} %{name}',
      clear_array_input: 'Bạn có chắc chắn muốn xóa toàn bộ danh sách?',
      select_all_limit_reached: 'Có quá nhiều mục để chọn hết. Chỉ %{max} mục đầu tiên được chọn.',
      placeholder_data_warning: 'Lỗi mạng: không làm mới được dữ liệu.',
    },
    navigation: {
      clear_filters: 'Xóa bộ lọc',
      no_filtered_results: 'Không tìm thấy %{name} nào với bộ lọc hiện tại.',
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} của hơn %{offsetEnd}',
      current_page: 'Trang %{page}',
      page: 'Đến trang %{page}',
      first: 'Đến trang đầu',
      last: 'Đến trang cuối',
      previous: 'Đến trang trước',
      skip_nav: 'Bỏ qua đến nội dung',
    },
    sort: {
      sort_by: 'Sắp xếp theo %{field_lower_first} %{order}',
      ASC: 'tăng dần',
      DESC: 'giảm dần',
    },
    auth: { email: 'Email' },
    notification: {
      not_authorized: 'Bạn không có quyền truy cập tài nguyên này.',
      application_update_available: 'Đã có phiên bản mới.',
      offline: 'Mất kết nối. Không tải được dữ liệu.',
    },
    validation: { unique: 'Phải là duy nhất' },
    saved_queries: {
      label: 'Bộ lọc đã lưu',
      query_name: 'Tên bộ lọc',
      new_label: 'Lưu bộ lọc hiện tại...',
      new_dialog_title: 'Lưu bộ lọc hiện tại với tên',
      remove_label: 'Xóa bộ lọc đã lưu',
      remove_label_with_name: 'Xóa bộ lọc "%{name}"',
      remove_dialog_title: 'Xóa bộ lọc đã lưu?',
      remove_message: 'Bạn có chắc chắn muốn xóa mục này khỏi danh sách bộ lọc đã lưu?',
      help: 'Lọc danh sách rồi lưu bộ lọc để dùng lại',
    },
    guesser: {
      empty: { title: 'Không có dữ liệu để hiển thị', message: 'Vui lòng kiểm tra nguồn dữ liệu' },
    },
    configurable: {
      customize: 'Tùy chỉnh',
      configureMode: 'Tùy chỉnh trang này',
      inspector: {
        title: 'Trình kiểm tra',
        content: 'Di chuột lên các thành phần giao diện để tùy chỉnh',
        reset: 'Đặt lại cài đặt',
        hideAll: 'Ẩn tất cả',
        showAll: 'Hiện tất cả',
      },
      Datagrid: { title: 'Bảng dữ liệu', unlabeled: 'Cột không tên #%{column}' },
      SimpleForm: { title: 'Biểu mẫu', unlabeled: 'Ô nhập không tên #%{input}' },
      SimpleList: {
        title: 'Danh sách',
        primaryText: 'Dòng chính',
        secondaryText: 'Dòng phụ',
        tertiaryText: 'Dòng thứ ba',
      },
    },
  },
};
