// Every string on the citizen pages, in Thai (the default) and English. Elements carry
// data-i18n="key" (text) or data-i18n-attr="attribute:key;..." and are translated in place.

const th = {
  "common.skip": "ข้ามไปยังเนื้อหา",
  "common.appName": "ระบบคำร้องขอข้อมูลภาพกล้องวงจรปิด (CCTV)",
  "common.optional": "(ไม่บังคับ)",
  "common.loading": "กำลังโหลด...",
  "common.contact": "{department} {org} โทร. {phone} ต่อ {ext}",
  "common.switchTo": "English",

  "lookup.title": "ตรวจสอบผล",
  "lookup.hint": "กรอกเลขบัตรประชาชน หรือเลือกหนังสือเดินทางแล้วกรอกเลขและประเทศ แล้วกดค้นหา",
  "lookup.kind": "ค้นหาด้วย",
  "lookup.kindId": "เลขบัตรประชาชน",
  "lookup.kindPassport": "หนังสือเดินทาง",
  "lookup.passportPlaceholder": "เลขหนังสือเดินทาง",
  "lookup.country": "ประเทศของหนังสือเดินทาง",
  "lookup.passportMissing": "กรุณากรอกเลขหนังสือเดินทางและเลือกประเทศที่ออก",
  "lookup.placeholder": "เลขบัตรประชาชน 13 หลัก",
  "lookup.search": "ค้นหา",
  "lookup.resultsTitle": "สถานะการยื่นคำร้อง",
  "lookup.close": "ปิด",
  "lookup.none": "ไม่พบคำร้องของเอกสารนี้",
  "lookup.invalid": "เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง",
  "lookup.error": "ค้นหาไม่สำเร็จ กรุณาลองใหม่อีกครั้ง",
  "lookup.colReference": "เลขที่คำร้อง",
  "lookup.colStatus": "สถานะ",
  "lookup.colStation": "สถานที่",
  "lookup.colIncident": "วันที่เกิดเหตุ",
  "lookup.colSubmitted": "วันที่ยื่นคำร้อง",

  "form.pageTitle": "ยื่นคำร้องขอดูหรือขอสำเนาข้อมูลภาพจากกล้องวงจรปิด (CCTV)",
  "form.title": "แบบฟอร์มคำร้องออนไลน์",
  "form.lead": "ยื่นคำร้องขอดูข้อมูลภาพ หรือขอสำเนาข้อมูลภาพ จากกล้องวงจรปิดของ{org} ช่องที่มีเครื่องหมาย * ต้องกรอก",
  "form.cautionsTitle": "ข้อควรระวังและคำแนะนำ",
  "form.caution1": "ควรกรอกข้อมูลตามความเป็นจริงและครบถ้วน",
  "form.caution2": "ตรวจสอบเลขบัตรประชาชนและหมายเลขโทรศัพท์ให้ถูกต้อง",
  "form.caution3": "แนบเอกสารประกอบให้ชัดเจนและอ่านได้",
  "form.caution4": "การอนุญาตให้เข้าถึงข้อมูลภาพขึ้นอยู่กับดุลยพินิจของหน่วยงาน",
  "form.caution5": "คำร้องที่ข้อมูลไม่ครบถ้วนอาจทำให้การพิจารณาล่าช้า",
  "form.caution6": "ควรใช้เว็บเบราว์เซอร์เวอร์ชันปัจจุบันเพื่อป้องกันปัญหาการแสดงผล",
  "form.sectionApplicant": "ข้อมูลผู้ยื่นคำร้อง",
  "form.sectionRequest": "รายละเอียดคำร้อง",
  "form.sectionDocuments": "เอกสารประกอบ",
  "form.sectionPrivacy": "นโยบายความเป็นส่วนตัว",
  "form.privacyRegion": "ข้อความนโยบายความเป็นส่วนตัว",
  "form.reminder": "กรุณาตรวจสอบข้อมูลให้ถูกต้องก่อนกด “ส่งคำร้อง”",
  "form.uploading": "กำลังส่งคำร้อง...",
  "form.submit": "ส่งคำร้อง",
  "form.sending": "กำลังส่งคำร้อง กรุณารอสักครู่",
  "form.networkError": "ส่งคำร้องไม่สำเร็จเพราะการเชื่อมต่อขัดข้อง ข้อมูลที่กรอกยังอยู่ครบ กรุณากดส่งอีกครั้ง",
  "form.serverError": "ระบบยังบันทึกคำร้องไม่ได้ในขณะนี้ ข้อมูลที่กรอกยังอยู่ครบ กรุณาลองส่งอีกครั้ง",
  "errors.summaryTitle": "กรุณาแก้ไขข้อมูลต่อไปนี้",

  "field.writtenOn": "วันที่เขียน",
  "field.title": "คำนำหน้าชื่อ",
  "field.titleOther": "โปรดระบุ",
  "field.fullName": "ชื่อ-สกุล",
  "field.firstName": "ชื่อ",
  "field.lastName": "นามสกุล",
  "field.identity": "เอกสารแสดงตน",
  "option.identityId": "บัตรประชาชนไทย (เลข 13 หลัก)",
  "option.identityPassport": "หนังสือเดินทาง (สำหรับชาวต่างชาติ)",
  "field.nationalId": "เลขบัตรประชาชน",
  "field.passportNumber": "เลขหนังสือเดินทาง",
  "field.passportCountry": "ประเทศที่ออกหนังสือเดินทาง",
  "field.age": "อายุ",
  "field.ethnicity": "เชื้อชาติ",
  "field.nationality": "สัญชาติ",
  "field.address": "ที่อยู่ปัจจุบัน",
  "field.phone": "หมายเลขโทรศัพท์",
  "field.purpose": "วัตถุประสงค์ที่จะขอ",
  "field.fileCount": "จำนวนไฟล์ที่ขอ",
  "field.station": "เหตุเกิดบริเวณ",
  "field.incidentDate": "วันที่เกิดเหตุ",
  "field.incidentTime": "เวลา (โดยประมาณ)",
  "field.reason": "เหตุผล/ความจำเป็น",
  "field.idCardCopy": "สำเนาบัตรประชาชน",
  "field.policeReport": "สำเนาบันทึกแจ้งความ",
  "field.otherDocuments": "เอกสารอื่น ๆ (ถ้ามี)",
  "field.privacyAccepted": "ข้าพเจ้าได้อ่านและยอมรับนโยบายความเป็นส่วนตัวของ{org}เรียบร้อยแล้ว",
  "field.signature": "ลายมือชื่อผู้ยื่นคำร้อง",
  "field.signatureMethod": "วิธีลงชื่อ",
  "field.typedName": "พิมพ์ชื่อ-สกุลของท่าน",
  "field.penColor": "เลือกสีปากกา:",
  "field.clearSignature": "ล้างลายมือชื่อ",

  "hint.date": "วว/ดด/ปปปป (พ.ศ.) เช่น 16/02/2569",
  "hint.nationalId": "13 หลัก ใช้สำหรับตรวจสอบผลภายหลัง",
  "hint.phone": "กรอกให้ครบ เช่น 081-234-5678 หรือ 02-123-4567 เพื่อให้เจ้าหน้าที่ติดต่อกลับได้",
  "hint.fileCount": "{fileCountMin} ถึง {fileCountMax} ไฟล์",
  "hint.time": "ชช:นน เช่น 14:30",
  "hint.reason": "เช่น ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหาของที่สูญหาย ({reasonMin}-{reasonMax} ตัวอักษร)",
  "hint.files": "ไฟล์ PDF หรือรูปภาพ (JPEG, PNG) ขนาดไม่เกิน {fileSize} ต่อไฟล์ รวมไม่เกิน {totalSize}",
  "hint.otherDocuments": "เลือกได้หลายไฟล์ ไม่เกิน {maxOthers} ไฟล์",
  "hint.passport": "ตามที่พิมพ์ในหนังสือเดินทาง ใช้สำหรับตรวจสอบผลภายหลัง",
  "hint.privacy": "ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 (PDPA) หน่วยงานต้องแจ้งให้ท่านทราบว่าเก็บและใช้ข้อมูลของท่านอย่างไร กรุณาอ่านนโยบายด้านล่างให้ครบ แล้วคลิกเครื่องหมายถูกในช่องยอมรับ",
  "hint.signature": "ลงลายมือชื่อในกรอบด้านล่างด้วยนิ้วหรือเมาส์ หรือเลือกลงชื่อโดยพิมพ์ชื่อ หากต้องการลงชื่อใหม่ ให้กดล้างลายมือชื่อ",
  "hint.typedName": "ระบบจะเขียนชื่อที่ท่านพิมพ์ลงในกรอบด้านล่างเป็นลายมือชื่อของท่าน",

  "option.choose": "-- เลือก --",
  "option.mr": "นาย",
  "option.mrs": "นาง",
  "option.miss": "นางสาว",
  "option.master": "เด็กชาย",
  "option.girl": "เด็กหญิง",
  "option.otherTitle": "อื่น ๆ (ระบุ)",
  "option.view": "ขอดูข้อมูลภาพ",
  "option.copy": "ขอสำเนาข้อมูลภาพ",
  "option.chooseStation": "-- เลือกสถานที่ --",
  "option.black": "สีดำ",
  "option.blue": "สีน้ำเงิน",
  "option.signDrawn": "ลงลายมือชื่อในกรอบ",
  "option.signTyped": "ลงชื่อโดยพิมพ์ชื่อ",

  "date.open": "ปฏิทิน",
  "date.prevMonth": "เดือนก่อนหน้า",
  "date.nextMonth": "เดือนถัดไป",
  "date.close": "ปิดปฏิทิน",
  "date.dialog": "ปฏิทิน",

  "check.valid": "เลขบัตรประชาชนถูกต้อง",
  "check.invalid": "เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง",
  "check.incomplete": "กรอกแล้ว {n} จาก {total} หลัก",

  "clock.overwrittenOn": "กล้องที่สถานที่นี้เก็บภาพไว้ {days} วัน ภาพของวันที่เกิดเหตุจะถูกบันทึกทับในวันที่ {date}",
  "clock.past": "ข้อมูลภาพของวันที่เกิดเหตุอาจถูกบันทึกทับไปแล้ว ท่านยังยื่นคำร้องได้ แต่อาจไม่มีภาพให้ดูหรือสำเนา",
  "clock.soon": "เหลือเวลาอีก {n} วันก่อนภาพจะถูกบันทึกทับ กรุณายื่นคำร้องและโทรแจ้งเจ้าหน้าที่โดยเร็ว {phone} ต่อ {ext}",

  "file.remove": "ลบ",
  "file.removeNamed": "ลบไฟล์ {name}",

  "confirm.title": "ตรวจสอบข้อมูลก่อนส่ง",
  "confirm.text": "กรุณาตรวจสอบความถูกต้องของข้อมูลอีกครั้ง โดยเฉพาะเลขบัตรประชาชนและหมายเลขโทรศัพท์ เมื่อส่งแล้วจะแก้ไขเองไม่ได้",
  "confirm.back": "กลับไปแก้ไข",
  "confirm.send": "ยืนยันส่งคำร้อง",
  "confirm.notify": "แจ้งผลทาง",
  "notify.email": "อีเมล {email}",
  "notify.sms": "SMS ไปที่เบอร์ {phone}",
  "done.notify": "เมื่อคำร้องมีความคืบหน้า ระบบจะแจ้งท่านทาง{channels}",

  "done.title": "ส่งคำร้องเรียบร้อยแล้ว",
  "done.referenceLabel": "เลขที่คำร้องของท่าน",
  "done.qrHelp": "เก็บ QR Code นี้ไว้ (กดดาวน์โหลด) หรือเปิดหน้าสถานะคำร้องแล้วบันทึกลิงก์ไว้ เพื่อใช้ติดตามผลคำร้องของท่านภายหลัง",
  "done.qrAlt": "QR Code สำหรับเปิดหน้าสถานะคำร้อง {ref}",
  "done.download": "ดาวน์โหลด QR Code",
  "done.statusLink": "เปิดหน้าสถานะคำร้อง",
  "done.nextTitle": "ขั้นตอนต่อไป",
  "done.lookupHelp": "ตรวจสอบผลได้ตลอดเวลาที่ “ตรวจสอบผล” มุมขวาบน ด้วยเลขบัตรประชาชนหรือเลขหนังสือเดินทาง หรือเปิดจาก QR Code ที่เก็บไว้",
  "done.newRequest": "ยื่นคำร้องใหม่",

  "status.Pending": "รออนุมัติ",
  "status.Received": "เจ้าหน้าที่รับเรื่องแล้ว",
  "status.Cancelled": "ยกเลิก",
  "status.Approved": "อนุมัติแล้ว",
  "meaning.Pending": "ท่านกรอกข้อมูลและส่งคำร้องเรียบร้อยแล้ว รอเจ้าหน้าที่ตรวจสอบ",
  "meaning.Received": "เจ้าหน้าที่ได้รับคำร้องของท่านแล้ว และกำลังเสนอให้{centreHead} {deputy} และ{chiefExecutive}พิจารณา",
  "meaning.Cancelled": "คำร้องถูกยกเลิก เช่น ข้อมูลไม่ครบถ้วนหรือแนบเอกสารไม่ถูกต้อง เหตุผลจะแสดงในหน้าสถานะ",
  "purpose.View": "ขอดูข้อมูลภาพ",
  "purpose.Copy": "ขอสำเนาข้อมูลภาพ",

  "sp.pageTitle": "สถานะคำร้อง",
  "sp.title": "สถานะคำร้อง",
  "sp.reference": "เลขที่คำร้อง",
  "sp.status": "สถานะ",
  "sp.applicant": "ผู้ยื่นคำร้อง",
  "sp.purpose": "วัตถุประสงค์",
  "sp.station": "เหตุเกิดบริเวณ",
  "sp.incident": "วันที่เกิดเหตุ",
  "sp.submitted": "วันที่ยื่นคำร้อง",
  "sp.history": "ความคืบหน้า",
  "sp.reason": "เหตุผลที่ยกเลิก",
  "sp.approvedTitle": "สิ่งที่ต้องทำต่อไป",
  "sp.phone": "โทร. {phone} ต่อ {ext}",
  "sp.notFound": "ไม่พบคำร้องจากลิงก์นี้ กรุณาตรวจสอบว่าใช้ลิงก์หรือ QR Code ครบถ้วน หรือค้นหาด้วยเลขบัตรประชาชนที่มุมขวาบน",
  "sp.noToken": "ลิงก์นี้ไม่มีรหัสติดตามสถานะ กรุณาสแกน QR Code ที่ได้รับเมื่อยื่นคำร้อง หรือค้นหาด้วยเลขบัตรประชาชนที่มุมขวาบน",
  "sp.error": "โหลดสถานะไม่สำเร็จ กรุณาลองใหม่อีกครั้ง",
  "sp.downloadQr": "ดาวน์โหลด QR Code อีกครั้ง",
  "sp.newRequest": "ยื่นคำร้องใหม่",
  "sp.clipsTitle": "ดาวน์โหลดไฟล์ภาพ",
  "sp.clipsUntil": "ดาวน์โหลดได้ถึงวันที่ {date}",
  "sp.clipsWhy": "เพื่อความปลอดภัย กรุณากรอกเลขบัตรประชาชนหรือเลขหนังสือเดินทางที่ใช้ยื่นคำร้องนี้ แล้วกดแสดงไฟล์ภาพ",
  "sp.clipsKind": "ยืนยันตัวตนด้วย",
  "sp.clipsId": "เลขบัตรประชาชนที่ใช้ยื่นคำร้องนี้",
  "sp.clipsPassport": "เลขหนังสือเดินทางที่ใช้ยื่นคำร้องนี้",
  "sp.clipsChooseCountry": "เลือกประเทศ",
  "sp.clipsOpen": "แสดงไฟล์ภาพ",
  "sp.clipsDownload": "ดาวน์โหลด",
  "sp.clipsCheck": "ตรวจสอบว่าไฟล์ที่ได้ครบถ้วนและตรงกับต้นฉบับ โดยเทียบค่า SHA-256 ข้างต้นกับผลของคำสั่ง",
  "sp.clipsFile": "<ชื่อไฟล์>",
  "sp.clipsSession": "ลิงก์ดาวน์โหลดใช้ได้ชั่วคราว หากดาวน์โหลดไม่ได้ ให้โหลดหน้านี้ใหม่แล้วกรอกเลขอีกครั้ง",
  "sp.clipsEnded": "หมดระยะเวลาดาวน์โหลดแล้ว",
  "sp.clipsEndedCall": "ระบบลบไฟล์ภาพแล้ว หากยังต้องการ กรุณาติดต่อหน่วยงาน",
  "sp.clipsLocked": "การดาวน์โหลดถูกระงับ เพราะกรอกเลขไม่ถูกต้องหลายครั้ง กรุณาติดต่อหน่วยงานเพื่อเปิดให้ดาวน์โหลดอีกครั้ง โทร. {phone} ต่อ {ext}",
  "sp.clipsError": "แสดงไฟล์ภาพไม่สำเร็จ กรุณาลองใหม่อีกครั้ง",

  "ap.title": "นัดหมายเข้าชมภาพ",
  "ap.why": "เพื่อความปลอดภัย กรุณากรอกเลขบัตรประชาชนหรือเลขหนังสือเดินทางที่ใช้ยื่นคำร้องนี้ แล้วกดยืนยันตัวตน",
  "ap.open": "ยืนยันตัวตน",
  "ap.kind": "ยืนยันตัวตนเพื่อนัดหมายด้วย",
  "ap.id": "เลขบัตรประชาชนของผู้ยื่นคำร้องนี้",
  "ap.passport": "เลขหนังสือเดินทางของผู้ยื่นคำร้องนี้",
  "ap.country": "ประเทศที่ออกหนังสือเดินทาง",
  "ap.bookedTitle": "นัดหมายของท่าน",
  "ap.when": "วันและเวลา",
  "ap.place": "สถานที่",
  "ap.bring": "สิ่งที่ต้องนำมา",
  "ap.changeUntil": "เปลี่ยนหรือยกเลิกได้ถึง",
  "ap.map": "เปิดแผนที่",
  "ap.ics": "บันทึกลงปฏิทิน (.ics)",
  "ap.move": "เปลี่ยนเวลานัด",
  "ap.cancel": "ยกเลิกนัด",
  "ap.pickTitle": "เลือกวันและเวลาเข้าชม",
  "ap.moveTitle": "เลือกวันและเวลาใหม่",
  "ap.day": "วันที่เข้าชม",
  "ap.times": "เวลาที่ว่าง",
  "ap.timeUnit": "น.",
  "ap.book": "ยืนยันนัดหมาย",
  "ap.moveConfirm": "ยืนยันเวลาใหม่",
  "ap.whenText": "{day} เวลา {from}-{to} น.",
  "ap.limits": "นัดได้ล่วงหน้าไม่เกิน {days} วัน ครั้งละ {minutes} นาที เปลี่ยนหรือยกเลิกได้ก่อนเวลานัด {hours} ชั่วโมง",
  "ap.lastDay": "ภาพจะถูกบันทึกทับ จึงนัดได้ถึงวันที่ {day}",
  "ap.noneOnDay": "วันนี้ไม่มีเวลาว่าง วันถัดไปที่ว่าง: {next}",
  "ap.noneAtAll": "ขณะนี้ไม่มีเวลาว่างให้นัด กรุณาติดต่อหน่วยงาน",
  "ap.chooseTime": "กรุณาเลือกเวลา",
  "ap.error": "ดำเนินการไม่สำเร็จ กรุณาลองใหม่อีกครั้ง",

  "common.privacy": "นโยบายความเป็นส่วนตัว",
  "form.privacyFull": "เปิดนโยบายฉบับเต็มในหน้าใหม่",

  "pv.pageTitle": "นโยบายความเป็นส่วนตัว",
  "pv.title": "นโยบายความเป็นส่วนตัว",
  "un.pageTitle": "ยกเลิกการรับข่าวสารของคำร้อง",
  "un.title": "ยกเลิกการรับข่าวสารของคำร้อง",
  "un.lead": "เมื่อยกเลิกแล้ว ระบบจะไม่ส่งอีเมลหรือ SMS เกี่ยวกับคำร้องนี้อีก ท่านยังดูสถานะคำร้องได้จากลิงก์หรือคิวอาร์โค้ดของคำร้อง",
  "un.stop": "ยกเลิกการรับข่าวสาร",
  "un.noToken": "ลิงก์นี้ไม่ครบ กรุณาเปิดลิงก์จากอีเมลที่ได้รับอีกครั้ง",
  "un.failed": "ยกเลิกไม่สำเร็จ กรุณาลองใหม่อีกครั้ง",
  "pv.meta": "ฉบับ {version} เผยแพร่เมื่อ {date}",
  "pv.none": "ยังไม่มีนโยบายความเป็นส่วนตัวที่เผยแพร่",
  "pv.error": "โหลดนโยบายความเป็นส่วนตัวไม่สำเร็จ กรุณาลองใหม่อีกครั้ง",
  "pv.thaiOnly": "ฉบับนี้มีเฉพาะภาษาไทย",
  "pv.contactTitle": "ติดต่อหน่วยงาน",
  "pv.contactLead": "สอบถามเกี่ยวกับข้อมูลส่วนบุคคลของท่าน หรือขอใช้สิทธิของเจ้าของข้อมูลส่วนบุคคล ได้ที่",
  "pv.organization": "หน่วยงาน",
  "pv.address": "ที่อยู่",
  "pv.phone": "โทรศัพท์",
  "pv.phoneExt": "{phone} ต่อ {ext}",
  "pv.toForm": "ไปที่แบบฟอร์มคำร้อง",
};

const en = {
  "common.skip": "Skip to content",
  "common.appName": "CCTV footage requests",
  "common.optional": "(optional)",
  "common.loading": "Loading...",
  "common.contact": "{department}, {org}. Tel. {phone} ext. {ext}",
  "common.switchTo": "ภาษาไทย",

  "lookup.title": "Check a request",
  "lookup.hint": "Type your national ID, or choose Passport and type its number and country, then press Search",
  "lookup.kind": "Search by",
  "lookup.kindId": "National ID",
  "lookup.kindPassport": "Passport",
  "lookup.passportPlaceholder": "Passport number",
  "lookup.country": "Passport country",
  "lookup.passportMissing": "Please type the passport number and choose the issuing country.",
  "lookup.placeholder": "National ID, 13 digits",
  "lookup.search": "Search",
  "lookup.resultsTitle": "Your requests",
  "lookup.close": "Close",
  "lookup.none": "No request was found for this document.",
  "lookup.invalid": "The national ID is not valid; please check it.",
  "lookup.error": "The search did not work; please try again.",
  "lookup.colReference": "Reference",
  "lookup.colStatus": "Status",
  "lookup.colStation": "Location",
  "lookup.colIncident": "Incident date",
  "lookup.colSubmitted": "Date of request",

  "form.pageTitle": "Request to view or copy CCTV footage",
  "form.title": "Online request form",
  "form.lead": "Ask to view, or to get a copy of, footage from the CCTV cameras of the {org}. Fields marked * are required.",
  "form.cautionsTitle": "Before you start",
  "form.caution1": "Give true and complete information.",
  "form.caution2": "Check your national ID and phone number.",
  "form.caution3": "Attach clear, legible documents.",
  "form.caution4": "Access to footage is at the organization's discretion.",
  "form.caution5": "Incomplete requests take longer to decide.",
  "form.caution6": "Use a current web browser.",
  "form.sectionApplicant": "About you",
  "form.sectionRequest": "Your request",
  "form.sectionDocuments": "Documents",
  "form.sectionPrivacy": "Privacy notice",
  "form.privacyRegion": "Privacy notice text",
  "form.reminder": "Please check that everything is correct before you press “Send request”.",
  "form.uploading": "Sending your request...",
  "form.submit": "Send request",
  "form.sending": "Sending your request, please wait.",
  "form.networkError": "The request could not be sent: the connection failed. Everything you typed is still here; please press Send again.",
  "form.serverError": "The request could not be saved right now. Everything you typed is still here; please try again.",
  "errors.summaryTitle": "Please correct the following",

  "field.writtenOn": "Date of request",
  "field.title": "Title",
  "field.titleOther": "Please specify",
  "field.fullName": "Full name",
  "field.firstName": "First name",
  "field.lastName": "Last name",
  "field.identity": "Identity document",
  "option.identityId": "Thai ID card (13-digit number)",
  "option.identityPassport": "Passport (for foreigners)",
  "field.nationalId": "National ID number",
  "field.passportNumber": "Passport number",
  "field.passportCountry": "Issuing country",
  "field.age": "Age",
  "field.ethnicity": "Ethnicity",
  "field.nationality": "Nationality",
  "field.address": "Current address",
  "field.phone": "Phone number",
  "field.purpose": "What would you like to do?",
  "field.fileCount": "Number of files",
  "field.station": "Location",
  "field.incidentDate": "Date of the incident",
  "field.incidentTime": "Approximate time",
  "field.reason": "Why do you need the footage?",
  "field.idCardCopy": "Copy of your ID card",
  "field.policeReport": "Copy of the police report",
  "field.otherDocuments": "Other documents (if any)",
  "field.privacyAccepted": "I have read and accept the privacy notice of the {org}.",
  "field.signature": "Signature of the applicant",
  "field.signatureMethod": "How would you like to sign?",
  "field.typedName": "Type your full name",
  "field.penColor": "Pen colour:",
  "field.clearSignature": "Clear signature",

  "hint.date": "dd/mm/yyyy, e.g. 16/02/2026",
  "hint.nationalId": "13 digits; you will use it to check your request later",
  "hint.phone": "A complete number, e.g. 081-234-5678 or 02-123-4567, so the staff can call you back",
  "hint.fileCount": "{fileCountMin} to {fileCountMax} files",
  "hint.time": "HH:mm, e.g. 14:30",
  "hint.reason": "e.g. to find an item I lost ({reasonMin} to {reasonMax} characters)",
  "hint.files": "PDF or image (JPEG, PNG) files, at most {fileSize} each and {totalSize} together",
  "hint.otherDocuments": "You can choose several files, at most {maxOthers}",
  "hint.passport": "As printed in the passport; you will use it to check your request later",
  "hint.privacy": "Under Thailand's Personal Data Protection Act B.E. 2562 (2019), the PDPA, the organization must tell you how it collects and uses your data. Please read the notice below in full, then tick the box.",
  "hint.signature": "Sign in the box below with your finger or the mouse, or choose to sign by typing your name. To sign again, press Clear signature.",
  "hint.typedName": "Your name is written into the box below as your signature.",

  "option.choose": "-- Choose --",
  "option.mr": "Mr",
  "option.mrs": "Mrs",
  "option.miss": "Miss",
  "option.master": "Master (boy)",
  "option.girl": "Miss (girl)",
  "option.otherTitle": "Other (please specify)",
  "option.view": "View the footage",
  "option.copy": "Get a copy of the footage",
  "option.chooseStation": "-- Choose a location --",
  "option.black": "Black",
  "option.blue": "Blue",
  "option.signDrawn": "Draw my signature in the box",
  "option.signTyped": "Sign by typing my name",

  "date.open": "Calendar",
  "date.prevMonth": "Previous month",
  "date.nextMonth": "Next month",
  "date.close": "Close the calendar",
  "date.dialog": "Calendar",

  "check.valid": "The national ID is valid",
  "check.invalid": "The national ID is not valid; please check it",
  "check.incomplete": "{n} of {total} digits",

  "clock.overwrittenOn": "Cameras at this location keep footage for {days} days; the footage of the incident is overwritten on {date}.",
  "clock.past": "The footage of the incident may already be overwritten. You can still send the request, but there may be no footage to view or copy.",
  "clock.soon": "Only {n} day(s) left before the footage is overwritten. Send the request and call the staff quickly: {phone} ext. {ext}.",

  "file.remove": "Remove",
  "file.removeNamed": "Remove file {name}",

  "confirm.title": "Check before sending",
  "confirm.text": "Please check your information once more, especially your national ID and phone number. You cannot change it yourself after sending.",
  "confirm.back": "Go back and edit",
  "confirm.send": "Confirm and send",
  "confirm.notify": "News by",
  "notify.email": "email to {email}",
  "notify.sms": "SMS to {phone}",
  "done.notify": "We will send you news of your request by {channels}.",

  "done.title": "Your request has been sent",
  "done.referenceLabel": "Your reference number",
  "done.qrHelp": "Keep this QR code (download it), or open the status page and bookmark it, to follow your request later.",
  "done.qrAlt": "QR code that opens the status page of request {ref}",
  "done.download": "Download the QR code",
  "done.statusLink": "Open the status page",
  "done.nextTitle": "What happens next",
  "done.lookupHelp": "You can check your request at any time under “Check a request” at the top right, with your national ID or passport number, or from the QR code you kept.",
  "done.newRequest": "Send another request",

  "status.Pending": "Pending approval",
  "status.Received": "Received by an officer",
  "status.Cancelled": "Cancelled",
  "status.Approved": "Approved",
  "meaning.Pending": "Your request has been sent and is waiting for the staff to check it.",
  "meaning.Received": "An officer has your request and is presenting it for a decision to: {centreHead}; {deputy}; {chiefExecutive}.",
  "meaning.Cancelled": "The request was cancelled, for example because information was missing or the attachments were wrong. The reason is shown on the status page.",
  "purpose.View": "View the footage",
  "purpose.Copy": "Get a copy of the footage",

  "sp.pageTitle": "Request status",
  "sp.title": "Request status",
  "sp.reference": "Reference",
  "sp.status": "Status",
  "sp.applicant": "Applicant",
  "sp.purpose": "Purpose",
  "sp.station": "Location",
  "sp.incident": "Incident date",
  "sp.submitted": "Date of request",
  "sp.history": "Progress",
  "sp.reason": "Reason for cancelling",
  "sp.approvedTitle": "What to do next",
  "sp.phone": "Tel. {phone} ext. {ext}",
  "sp.notFound": "No request has this link. Check that the whole link or QR code was used, or search with your national ID at the top right.",
  "sp.noToken": "This link has no status code. Scan the QR code you received when you sent the request, or search with your national ID at the top right.",
  "sp.error": "The status could not be loaded; please try again.",
  "sp.downloadQr": "Download the QR code again",
  "sp.newRequest": "Send a new request",
  "sp.clipsTitle": "Download the clips",
  "sp.clipsUntil": "You can download them until {date}",
  "sp.clipsWhy": "For your safety, type the national ID or passport number this request was filed with, then press Show the clips.",
  "sp.clipsKind": "Confirm with",
  "sp.clipsId": "National ID this request was filed with",
  "sp.clipsPassport": "Passport number this request was filed with",
  "sp.clipsChooseCountry": "Choose the country",
  "sp.clipsOpen": "Show the clips",
  "sp.clipsDownload": "Download",
  "sp.clipsCheck": "To check that a file arrived whole and unchanged, compare its SHA-256 above with what this command prints:",
  "sp.clipsFile": "<file>",
  "sp.clipsSession": "The download links work for a short while; if one no longer does, reload this page and type the number again.",
  "sp.clipsEnded": "The download period has ended",
  "sp.clipsEndedCall": "The clips were deleted. If you still need them, please contact the office.",
  "sp.clipsLocked": "Downloads are locked after too many wrong numbers. Please contact the office to open them again: tel. {phone} ext. {ext}",
  "sp.clipsError": "The clips could not be shown; please try again.",

  "ap.title": "Book a visit to view the footage",
  "ap.why": "For your safety, type the ID or passport number you filed this request with, then press Confirm.",
  "ap.open": "Confirm",
  "ap.kind": "Confirm for the visit with",
  "ap.id": "The applicant's national ID",
  "ap.passport": "The applicant's passport number",
  "ap.country": "Country that issued the passport",
  "ap.bookedTitle": "Your visit",
  "ap.when": "Date and time",
  "ap.place": "Place",
  "ap.bring": "What to bring",
  "ap.changeUntil": "Change or cancel until",
  "ap.map": "Open the map",
  "ap.ics": "Add to calendar (.ics)",
  "ap.move": "Change the time",
  "ap.cancel": "Cancel the visit",
  "ap.pickTitle": "Choose a day and time",
  "ap.moveTitle": "Choose a new day and time",
  "ap.day": "Day of the visit",
  "ap.times": "Free times",
  "ap.timeUnit": "",
  "ap.book": "Book this time",
  "ap.moveConfirm": "Move to this time",
  "ap.whenText": "{day}, {from}-{to}",
  "ap.limits": "Visits are booked up to {days} days ahead, {minutes} minutes each, and can be changed or cancelled until {hours} hours before.",
  "ap.lastDay": "The footage is overwritten, so the last day is {day}.",
  "ap.noneOnDay": "No free time on this day. Next free day: {next}",
  "ap.noneAtAll": "No time is free at the moment; please contact the office.",
  "ap.chooseTime": "Choose a time.",
  "ap.error": "That did not work; please try again.",

  "common.privacy": "Privacy notice",
  "form.privacyFull": "Open the full notice in a new tab",

  "pv.pageTitle": "Privacy notice",
  "pv.title": "Privacy notice",
  "un.pageTitle": "Stop messages about a request",
  "un.title": "Stop messages about a request",
  "un.lead": "Once you stop them, you will get no more emails or SMS about this request. You can still see its status from the request's link or QR code.",
  "un.stop": "Stop the messages",
  "un.noToken": "This link is incomplete; please open the link from the email again.",
  "un.failed": "That did not work; please try again.",
  "pv.meta": "Version {version}, published on {date}",
  "pv.none": "No privacy notice has been published yet.",
  "pv.error": "The privacy notice could not be loaded; please try again.",
  "pv.thaiOnly": "This version is only available in Thai.",
  "pv.contactTitle": "Contact",
  "pv.contactLead": "For questions about your personal data, or to use your rights as a data subject, contact:",
  "pv.organization": "Organization",
  "pv.address": "Address",
  "pv.phone": "Phone",
  "pv.phoneExt": "{phone} ext. {ext}",
  "pv.toForm": "Go to the request form",
};

const dictionaries = { th, en };
// Values every text may use ({org}, {phone}, limits...): set from the server's settings.
let defaults = {};
const STORAGE_KEY = "cctv.lang";
const listeners = [];

export function lang() {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "th";
  } catch {
    return "th";
  }
}

/** The string for key in the current language, with {placeholders} filled from values, then the defaults. */
export function t(key, values = {}) {
  const text = dictionaries[lang()][key] ?? dictionaries.th[key] ?? key;
  const all = { ...defaults, ...values };
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in all ? String(all[name]) : `{${name}}`));
}

/** Merges extra keys into the two dictionaries (the staff pages register their own texts so). */
export function addTexts(thDict, enDict) {
  Object.assign(th, thDict);
  Object.assign(en, enDict);
}

export function setDefaults(values) {
  defaults = { ...values };
}

const unresolved = /\{\w+\}/;

/** Translates every marked element under root. */
export function apply(root = document) {
  document.documentElement.lang = lang();
  // A text whose values have not arrived yet keeps the page's own (Thai) text until they do.
  for (const el of root.querySelectorAll("[data-i18n]")) {
    const text = t(el.dataset.i18n);
    if (!unresolved.test(text)) el.textContent = text;
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":");
      const text = t(key);
      if (!unresolved.test(text)) el.setAttribute(attr, text);
    }
  }
}

export function setLang(value) {
  try {
    localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  apply();
  for (const fn of listeners) fn(value);
}

export function onLangChange(fn) {
  listeners.push(fn);
}

/** Wires the header's language button: it names the other language, in that language. */
export function initLangSwitch() {
  const button = document.getElementById("lang-switch");
  const render = () => {
    const other = lang() === "th" ? "en" : "th";
    button.textContent = dictionaries[lang()]["common.switchTo"];
    button.lang = other;
  };
  button.addEventListener("click", () => {
    setLang(lang() === "th" ? "en" : "th");
    render();
  });
  apply();
  render();
}
